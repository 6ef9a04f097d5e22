//! Random identifiers from the browser's `crypto.getRandomValues`.

/// A random version-4 GUID, lower case, as Azure prints service keys and authorization keys.
pub fn new_guid() -> String {
    let mut b = [0u8; 16];
    fill_random(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A short random id for local records.
pub fn new_id() -> String {
    let mut b = [0u8; 6];
    fill_random(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn fill_random(buf: &mut [u8]) {
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(buf).is_ok());
    if !filled {
        // No Web Crypto (very old browser): Math.random is good enough for local ids.
        for x in buf.iter_mut() {
            *x = (js_sys::Math::random() * 256.0) as u8;
        }
    }
}
