//! Finding circuits (and lone peerings / authorizations) in JSON input.

use serde_json::Value;

use super::export::EXTENSION_KEY;
use super::read::{get, get_prop};
use super::{Found, ImportError, ImportFormat, ImportedKind};

const EXPECTED_RESOURCE: &str = "an ExpressRoute circuit: an object with `sku`, `serviceProviderProperties` or `serviceProviderProvisioningState` (or a peering / authorization of one)";

/// Parses the JSON text and finds every resource in it.
pub(crate) fn find(text: &str) -> Result<Vec<Found>, ImportError> {
    // Values redacted in place are often left without quotes (`"peerAsn": 123##`): that is
    // not JSON, but what was meant is clear, so such placeholders are read as text.
    let parsed = serde_json::from_str::<Value>(text).or_else(|e| {
        quote_bare_placeholders(text)
            .and_then(|fixed| serde_json::from_str::<Value>(&fixed).ok())
            .ok_or(e)
    });
    let value: Value = parsed.map_err(|e| {
        let expected = match e.classify() {
            serde_json::error::Category::Eof => {
                "the rest of the JSON: the text ends before every { and [ is closed"
            }
            serde_json::error::Category::Syntax
            | serde_json::error::Category::Data
            | serde_json::error::Category::Io => "valid JSON",
        };
        ImportError::new(
            e.line(),
            e.column(),
            expected,
            format!("this is not valid JSON: {}", strip_position(&e.to_string())),
        )
    })?;
    match &value {
        Value::Array(items) => {
            if items.is_empty() {
                let (line, column) = first_pos(text);
                return Err(ImportError::new(
                    line,
                    column,
                    EXPECTED_RESOURCE,
                    "the list is empty: there is no circuit to import",
                ));
            }
            let positions = array_element_positions(text);
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let (line, column) = positions.get(i).copied().unwrap_or((1, 1));
                    resource(item, format!("[{i}]"), None).ok_or_else(|| {
                        ImportError::new(
                            line,
                            column,
                            EXPECTED_RESOURCE,
                            format!("item {} of the list is not an ExpressRoute circuit", i + 1),
                        )
                    })
                })
                .collect()
        }
        Value::Object(_) => object(text, &value),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {
            let (line, column) = first_pos(text);
            Err(ImportError::new(
                line,
                column,
                "a JSON object { … } or a list [ … ]",
                "this JSON is a single value, not a circuit",
            ))
        }
    }
}

fn object(text: &str, value: &Value) -> Result<Vec<Found>, ImportError> {
    // REST spec example: { "parameters": …, "responses": { "200": { "body": … } } }
    if let Some((key, responses)) = get(value, "responses") {
        let pick = ["200", "201"].iter().find_map(|code| {
            get(responses, code)
                .and_then(|(k, r)| get(r, "body").map(|(b, body)| (format!("{key}.{k}.{b}"), body)))
        });
        let (line, column) = pos_of(text, "\"responses\"");
        let Some((path, body)) = pick else {
            return Err(ImportError::new(
                line,
                column,
                "`responses` with a \"200\" (or \"201\") `body`",
                "this REST example has no 200 or 201 response body",
            ));
        };
        return resource(body, path, Some(ImportFormat::RestExample))
            .map(|f| vec![f])
            .ok_or_else(|| {
                ImportError::new(
                    line,
                    column,
                    EXPECTED_RESOURCE,
                    "the example's response body is not an ExpressRoute circuit",
                )
            });
    }
    // REST list: { "value": [ … ] }
    if let Some((key, Value::Array(items))) = get(value, "value") {
        if classify(value).is_none() {
            let (line, column) = pos_of(text, "\"value\"");
            if items.is_empty() {
                return Err(ImportError::new(
                    line,
                    column,
                    EXPECTED_RESOURCE,
                    "the list is empty: there is no circuit to import",
                ));
            }
            return items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    resource(item, format!("{key}[{i}]"), None).ok_or_else(|| {
                        ImportError::new(
                            line,
                            column,
                            EXPECTED_RESOURCE,
                            format!("item {} of `{key}` is not an ExpressRoute circuit", i + 1),
                        )
                    })
                })
                .collect();
        }
    }
    resource(value, String::new(), None)
        .map(|f| vec![f])
        .ok_or_else(|| {
            let (line, column) = first_pos(text);
            ImportError::new(
                line,
                column,
                EXPECTED_RESOURCE,
                "this JSON object is not an ExpressRoute circuit, peering or authorization",
            )
        })
}

/// One resource object, or `None` when it is not one we know.
fn resource(v: &Value, path: String, format: Option<ImportFormat>) -> Option<Found> {
    let kind = classify(v)?;
    let format = format.unwrap_or_else(|| detect_format(v));
    Some(Found {
        value: v.clone(),
        path,
        format,
        kind,
    })
}

/// Which JSON shape an object has.
fn detect_format(v: &Value) -> ImportFormat {
    let Value::Object(map) = v else {
        return ImportFormat::RestApi;
    };
    if map.contains_key(EXTENSION_KEY) {
        return ImportFormat::WizardExport;
    }
    if get(v, "properties").is_some_and(|(_, p)| p.is_object()) {
        return ImportFormat::RestApi;
    }
    // ConvertTo-Json keeps .NET property names: PascalCase.
    let pascal = map
        .keys()
        .filter(|k| !k.is_empty())
        .all(|k| k.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
    if pascal {
        ImportFormat::PowerShellJson
    } else {
        ImportFormat::AzureCli
    }
}

/// The resource type: `type`, or else read from the resource ID
/// (`…/providers/Microsoft.Network/expressRoutePorts/name` → `Microsoft.Network/expressRoutePorts`),
/// as PowerShell's list output has no `type`.
pub(crate) fn resource_type(v: &Value) -> Option<String> {
    if let Some((_, Value::String(t))) = get(v, "type") {
        let t = t.trim();
        if !t.is_empty() {
            return Some(t.to_string());
        }
    }
    let (_, id) = get(v, "id")?;
    type_from_id(id.as_str()?)
}

/// `/subscriptions/s/resourceGroups/g/providers/NS/t1/n1/t2/n2` → `NS/t1/t2`.
pub(crate) fn type_from_id(id: &str) -> Option<String> {
    let parts: Vec<&str> = id.split('/').filter(|p| !p.is_empty()).collect();
    let at = parts
        .iter()
        .rposition(|p| p.eq_ignore_ascii_case("providers"))?;
    let namespace = parts.get(at + 1)?;
    let types: Vec<&str> = parts[at + 2..].iter().step_by(2).copied().collect();
    if types.is_empty() {
        return None;
    }
    Some(format!("{namespace}/{}", types.join("/")))
}

/// What a resource is, from its type (or resource ID) or else from its keys.
pub(crate) fn classify(v: &Value) -> Option<ImportedKind> {
    if !v.is_object() {
        return None;
    }
    if let Some(t) = resource_type(v) {
        let t = t.to_ascii_lowercase();
        return Some(if t.ends_with("/expressroutecircuits/peerings") {
            ImportedKind::PeeringOnly
        } else if t.ends_with("/expressroutecircuits/authorizations") {
            ImportedKind::AuthorizationOnly
        } else if t.ends_with("/expressroutecircuits") {
            ImportedKind::Circuit
        } else if t.ends_with("/expressrouteports") {
            ImportedKind::DirectPort
        } else if t.ends_with("/routefilters") {
            ImportedKind::RouteFilter
        } else {
            ImportedKind::Other
        });
    }
    let has = |k: &str| get_prop(v, k).is_some();
    // A Direct port has `bandwidthInGbps` too, so its own fields are looked at first. [SPEC-PORT]
    if [
        "links",
        "encapsulation",
        "provisionedBandwidthInGbps",
        "etherType",
    ]
    .iter()
    .any(|k| has(k))
    {
        return Some(ImportedKind::DirectPort);
    }
    if [
        "serviceProviderProvisioningState",
        "serviceProviderProperties",
        "circuitProvisioningState",
        "serviceKey",
        "expressRoutePort",
        "bandwidthInGbps",
        "sku",
    ]
    .iter()
    .any(|k| has(k))
    {
        return Some(ImportedKind::Circuit);
    }
    if ["peeringType", "peerASN", "vlanId"].iter().any(|k| has(k)) {
        return Some(ImportedKind::PeeringOnly);
    }
    if ["authorizationUseStatus", "authorizationKey"]
        .iter()
        .any(|k| has(k))
    {
        return Some(ImportedKind::AuthorizationOnly);
    }
    None
}

/// The text with every bare (unquoted) redaction placeholder outside strings put in
/// quotes, or `None` when there is none. `{...}` is left alone: braces are JSON's own.
pub(crate) fn quote_bare_placeholders(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut changed = false;
    let (mut in_string, mut escape) = (false, false);
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String, changed: &mut bool| {
        if token.is_empty() {
            return;
        }
        if serde_json::from_str::<Value>(token).is_err() && super::read::is_redacted(token) {
            out.push('"');
            out.push_str(&token.replace('\\', "\\\\"));
            out.push('"');
            *changed = true;
        } else {
            out.push_str(token);
        }
        token.clear();
    };
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escape {
                escape = false;
            } else if c == '\\' {
                escape = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c.is_whitespace() || matches!(c, '{' | '}' | '[' | ']' | ',' | ':' | '"') {
            flush(&mut token, &mut out, &mut changed);
            out.push(c);
            in_string = c == '"';
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut out, &mut changed);
    changed.then_some(out)
}

/// serde_json appends " at line L column C"; the error carries them already.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Line and column (1-based) of a byte offset.
fn pos_at(text: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut column = 1;
    for (i, c) in text.char_indices() {
        if i >= offset {
            break;
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle)
        .map_or_else(|| first_pos(text), |i| pos_at(text, i))
}

fn first_pos(text: &str) -> (usize, usize) {
    text.char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or((1, 1), |(i, _)| pos_at(text, i))
}

/// Where each element of a top-level JSON array starts.
fn array_element_positions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut line, mut column) = (1usize, 1usize);
    let mut depth = 0usize;
    let (mut in_string, mut escape, mut expect) = (false, false, false);
    for c in text.chars() {
        if in_string {
            if escape {
                escape = false;
            } else if c == '\\' {
                escape = true;
            } else if c == '"' {
                in_string = false;
            }
        } else {
            if depth == 1 && expect && !c.is_whitespace() && c != ']' {
                out.push((line, column));
                expect = false;
            }
            match c {
                '"' => in_string = true,
                '[' | '{' => {
                    if depth == 0 && c == '[' {
                        expect = true;
                    }
                    depth += 1;
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                ',' if depth == 1 => expect = true,
                _ => {}
            }
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    out
}
