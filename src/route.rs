//! Hash-based routes, so the app works under any sub-path of a static host with no rewrite rule.

/// The part of a circuit's page that is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// A wizard step, 1–5.
    Step(u8),
    /// Changes and end of life: bandwidth, SKU, deprovision, re-enable, delete.
    Manage,
    /// The timeline with undo, and the state diagram.
    Timeline,
}

/// A screen of the app, parsed from and written to `location.hash`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// "Your circuits", the start page.
    Circuits,
    /// Step 1's form for a new circuit.
    Create,
    /// Step 1's review ("check your answers") before Create.
    CreateReview,
    /// A saved circuit.
    Circuit { id: String, section: Section },
    /// Import a real circuit's output.
    Import,
    /// Onboarding demos; `Some(name)` plays one scenario.
    Demos(Option<String>),
    /// A shared link's state, encoded in the hash.
    Share(String),
}

/// Total number of wizard steps.
pub const STEPS: u8 = 5;

impl Route {
    /// Parses a `location.hash` value (with or without the leading `#`). Unknown routes go home.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["create"] => Route::Create,
            ["create", "review"] => Route::CreateReview,
            ["import"] => Route::Import,
            ["demos"] => Route::Demos(None),
            ["demos", name] if !name.is_empty() => Route::Demos(Some(name.to_string())),
            ["share", payload] if !payload.is_empty() => Route::Share(payload.to_string()),
            ["c", id, rest @ ..] if !id.is_empty() => {
                let section = match rest {
                    ["manage"] => Section::Manage,
                    ["timeline"] => Section::Timeline,
                    [n] => match n.parse::<u8>() {
                        Ok(n @ 1..=STEPS) => Section::Step(n),
                        _ => Section::Step(1),
                    },
                    _ => Section::Step(1),
                };
                Route::Circuit {
                    id: id.to_string(),
                    section,
                }
            }
            _ => Route::Circuits,
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn hash(&self) -> String {
        match self {
            Route::Circuits => "#/".to_string(),
            Route::Create => "#/create".to_string(),
            Route::CreateReview => "#/create/review".to_string(),
            Route::Import => "#/import".to_string(),
            Route::Demos(None) => "#/demos".to_string(),
            Route::Demos(Some(n)) => format!("#/demos/{n}"),
            Route::Share(p) => format!("#/share/{p}"),
            Route::Circuit { id, section } => match section {
                Section::Step(n) => format!("#/c/{id}/{n}"),
                Section::Manage => format!("#/c/{id}/manage"),
                Section::Timeline => format!("#/c/{id}/timeline"),
            },
        }
    }

    /// Whether a hash is a route at all (an in-page anchor such as `#peer-asn` is not).
    pub fn is_route(hash: &str) -> bool {
        let h = hash.trim_start_matches('#');
        h.is_empty() || h.starts_with('/')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_the_hash() {
        let routes = [
            Route::Circuits,
            Route::Create,
            Route::CreateReview,
            Route::Import,
            Route::Demos(None),
            Route::Demos(Some("happy-path".into())),
            Route::Share("abc".into()),
            Route::Circuit {
                id: "a1".into(),
                section: Section::Step(4),
            },
            Route::Circuit {
                id: "a1".into(),
                section: Section::Manage,
            },
            Route::Circuit {
                id: "a1".into(),
                section: Section::Timeline,
            },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.hash()), r);
        }
    }

    #[test]
    fn unknown_or_out_of_range_routes_fall_back() {
        assert_eq!(Route::parse("#/nonsense"), Route::Circuits);
        assert_eq!(Route::parse(""), Route::Circuits);
        assert_eq!(
            Route::parse("#/c/x/9"),
            Route::Circuit {
                id: "x".into(),
                section: Section::Step(1)
            }
        );
        assert!(!Route::is_route("#peer-asn"));
        assert!(Route::is_route("#/c/x/2"));
    }
}
