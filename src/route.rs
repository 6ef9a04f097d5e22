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

/// The three pages the app is served as. The first load brings only "Your circuits"; the wizard
/// (create, the five steps, changes and end of life) is a second bundle, fetched when a circuit is
/// first created or opened, and the import, the demos and each circuit's timeline (with its state
/// diagrams, share link and export) a third, so that the forms, explanations and commands, the
/// parsers, players and diagrams stay off start-up. All three keep the circuits in the same
/// localStorage, so moving between them loses nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// `index.html`, served at the public URL itself: "Your circuits".
    Home,
    /// `wizard.html`: create, the five steps, changes and end of life.
    Wizard,
    /// `tools.html`: import, demos, and a circuit's timeline with its state diagrams.
    Tools,
}

impl Page {
    /// The page a link of the app goes to: `Route::href`'s form, the page's address and a `#`
    /// route. Anything else (an in-page anchor, another site) is none of the app's pages.
    pub fn of_href(href: &str) -> Option<Page> {
        let (file, hash) = href.split_once('#')?;
        if !Route::is_route(hash) {
            return None;
        }
        [Page::Home, Page::Wizard, Page::Tools]
            .into_iter()
            .find(|p| p.file() == file)
    }

    /// The page's address relative to the public URL (the document's `<base>`).
    pub fn file(self) -> &'static str {
        match self {
            Page::Home => "./",
            Page::Wizard => "wizard.html",
            Page::Tools => "tools.html",
        }
    }
}

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
                        Ok(n @ 1..=er_core::steps::STEP_COUNT) => Section::Step(n),
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

    /// The page that shows this route.
    pub fn page(&self) -> Page {
        match self {
            Route::Import | Route::Demos(_) | Route::Share(_) => Page::Tools,
            Route::Circuit {
                section: Section::Timeline,
                ..
            } => Page::Tools,
            Route::Circuits => Page::Home,
            Route::Create | Route::CreateReview | Route::Circuit { .. } => Page::Wizard,
        }
    }

    /// The link to this route from any page: its page's address and the hash. (A bare `#/…`
    /// would resolve against `<base>`, which is the home page, also from the other two.)
    pub fn href(&self) -> String {
        format!("{}{}", self.page().file(), self.hash())
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
    fn import_demos_and_shared_links_are_on_the_tools_page_and_links_name_their_page() {
        assert_eq!(Route::Import.href(), "tools.html#/import");
        assert_eq!(Route::Demos(None).href(), "tools.html#/demos");
        assert_eq!(Route::Share("x".into()).page(), Page::Tools);
        assert_eq!(Route::Circuits.href(), "./#/");
        assert_eq!(
            Route::Circuit {
                id: "a".into(),
                section: Section::Timeline
            }
            .href(),
            "tools.html#/c/a/timeline"
        );
        assert_eq!(Route::CreateReview.page(), Page::Wizard);
    }

    #[test]
    fn your_circuits_is_the_home_page_and_the_wizard_its_own_page() {
        assert_eq!(Route::Circuits.page(), Page::Home);
        assert_eq!(Route::Create.href(), "wizard.html#/create");
        assert_eq!(
            Route::Circuit {
                id: "a".into(),
                section: Section::Step(2)
            }
            .href(),
            "wizard.html#/c/a/2"
        );
        assert_eq!(
            Route::Circuit {
                id: "a".into(),
                section: Section::Manage
            }
            .page(),
            Page::Wizard
        );
    }

    #[test]
    fn a_link_names_the_page_it_opens() {
        for r in [Route::Circuits, Route::Create, Route::Import] {
            assert_eq!(Page::of_href(&r.href()), Some(r.page()));
        }
        assert_eq!(Page::of_href("#peer-asn"), None);
        assert_eq!(Page::of_href("https://example.org/#/"), None);
        assert_eq!(Page::of_href("wizard.html"), None);
        assert_eq!(Page::of_href("other.html#/c/x/2"), None);
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
