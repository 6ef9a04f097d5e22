//! Hash-based routes, so the app works under any sub-path of a static host with no server rewrite.

/// A screen of the app, parsed from and written to `location.hash`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// "Your circuits", the start page.
    Circuits,
    /// The create-circuit step of the wizard.
    Create,
}

impl Route {
    /// Parses a `location.hash` value (with or without the leading `#`). Unknown routes go home.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path {
            "create" => Route::Create,
            _ => Route::Circuits,
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn hash(&self) -> String {
        match self {
            Route::Circuits => "#/".to_string(),
            Route::Create => "#/create".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_the_hash() {
        for r in [Route::Circuits, Route::Create] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse("#/nonsense"), Route::Circuits);
        assert_eq!(Route::parse(""), Route::Circuits);
    }
}
