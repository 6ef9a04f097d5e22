//! One module per screen group: `home` ("Your circuits", index.html), `wizard` (create, the five
//! steps, changes and end of life; wizard.html) and `tools` (import, demos, timelines and shared
//! links; tools.html).

pub mod home;
pub mod tools;
pub mod wizard;
