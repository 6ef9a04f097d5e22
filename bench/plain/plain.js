// The plain floor: the same first screen as the Leptos floor (a heading and a button with a click
// handler), built by hand with the DOM API. No framework, no WebAssembly.
const main = document.createElement('main');
const h1 = document.createElement('h1');
h1.textContent = 'Floor';
const button = document.createElement('button');
button.type = 'button';
let count = 0;
button.textContent = 'Pressed 0';
button.addEventListener('click', () => { count += 1; button.textContent = `Pressed ${count}`; });
main.append(h1, button);
document.body.append(main);
