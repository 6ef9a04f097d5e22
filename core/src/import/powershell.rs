//! PowerShell's default list output (`Format-List`): `Name : Value` lines, where
//! a value may be a JSON block spanning lines (`Sku : {` … `}`), as Microsoft's
//! docs print `Get-AzExpressRouteCircuit`. Lines may be indented; a new `Name`
//! line after other fields starts the next circuit; long values wrapped onto
//! indented lines are joined back.

use serde_json::{Map, Value};

use super::json::classify;
use super::{Found, ImportError, ImportFormat, EXPECTED_INPUT};

const EXPECTED_LINE: &str = "a `Name : Value` line (PowerShell list output) or JSON";

struct Block {
    key: String,
    text: String,
    line: usize,
    column: usize,
    depth: usize,
    in_string: bool,
    escape: bool,
}

impl Block {
    /// Feeds text; true when the outermost bracket has closed.
    fn feed(&mut self, s: &str) -> bool {
        for c in s.chars() {
            if self.in_string {
                if self.escape {
                    self.escape = false;
                } else if c == '\\' {
                    self.escape = true;
                } else if c == '"' {
                    self.in_string = false;
                }
                continue;
            }
            match c {
                '"' => self.in_string = true,
                '{' | '[' => self.depth += 1,
                '}' | ']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }
}

struct Record {
    line: usize,
    map: Map<String, Value>,
}

/// Parses the list text into circuits (or lone peerings / authorizations).
pub(crate) fn find(text: &str, first: (usize, usize)) -> Result<Vec<Found>, ImportError> {
    let mut list = ListReader::default();
    for (i, raw) in text.lines().enumerate() {
        list.line(i + 1, raw)?;
    }
    list.finish(first)
}

/// Reads PowerShell's list output one line at a time: `Name : Value` pairs into the current
/// record, JSON blocks until they close, wrapped values joined back.
#[derive(Default)]
struct ListReader {
    records: Vec<Record>,
    current: Option<Record>,
    /// A JSON block still open.
    block: Option<Block>,
    /// (key, column where its value starts) of the last plain value, for wrapped lines.
    last_scalar: Option<(String, usize)>,
}

impl ListReader {
    fn line(&mut self, line_no: usize, raw: &str) -> Result<(), ImportError> {
        if self.block.is_some() {
            return self.block_line(raw);
        }
        let line = raw.trim_end();
        if line.trim().is_empty() {
            self.last_scalar = None;
            return Ok(());
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let content: String = line.chars().skip(indent).collect();
        // A pasted prompt line ("PS C:\> Get-AzExpressRouteCircuit …").
        if content.starts_with("PS ") && content.contains('>') {
            return Ok(());
        }
        match split_pair(&content) {
            Some((key, value, value_offset)) => {
                self.pair(line_no, key, value.trim_end(), indent + value_offset + 1);
                Ok(())
            }
            None => self.continuation(line_no, indent, &content),
        }
    }

    /// A line inside an open JSON block.
    fn block_line(&mut self, raw: &str) -> Result<(), ImportError> {
        let Some(b) = self.block.as_mut() else {
            return Ok(());
        };
        // Format-List wraps long values, even inside a JSON block's string (the docs'
        // `Get-AzExpressRoutePort` output breaks a link's "Id" in two): a line that starts
        // while a string is open continues that string.
        let piece = if b.in_string {
            raw.trim_start()
        } else {
            b.text.push('\n');
            raw
        };
        b.text.push_str(piece);
        if b.feed(piece) {
            if let Some(b) = self.block.take() {
                let value = parse_block(&b)?;
                if let Some(rec) = self.current.as_mut() {
                    rec.map.insert(b.key, value);
                }
            }
        }
        Ok(())
    }

    /// A `Name : Value` line; a second `Name` starts the next record.
    fn pair(&mut self, line_no: usize, key: &str, v: &str, value_col: usize) {
        if key == "Name"
            && self
                .current
                .as_ref()
                .is_some_and(|r| r.map.contains_key("Name"))
        {
            self.records.extend(self.current.take());
        }
        let rec = self.current.get_or_insert_with(|| Record {
            line: line_no,
            map: Map::new(),
        });
        self.last_scalar = None;
        if !(v.starts_with('{') || v.starts_with('[')) {
            rec.map
                .insert(key.to_string(), Value::String(v.to_string()));
            self.last_scalar = Some((key.to_string(), value_col));
            return;
        }
        let mut b = Block {
            key: key.to_string(),
            text: v.to_string(),
            line: line_no,
            column: value_col,
            depth: 0,
            in_string: false,
            escape: false,
        };
        if b.feed(v) {
            // One-line value: JSON if it parses, otherwise kept as text (e.g.
            // "{AzurePrivatePeering}"); the reader warns about it.
            let value =
                serde_json::from_str::<Value>(v).unwrap_or_else(|_| Value::String(v.to_string()));
            rec.map.insert(key.to_string(), value);
        } else {
            self.block = Some(b);
        }
    }

    /// A line that is not a pair: a wrapped value (Format-List indents it to the value column),
    /// or an error.
    fn continuation(
        &mut self,
        line_no: usize,
        indent: usize,
        content: &str,
    ) -> Result<(), ImportError> {
        let wrapped = self
            .last_scalar
            .as_ref()
            .filter(|(_, col)| indent > 0 && indent + 1 >= *col);
        if let (Some((key, _)), Some(rec)) = (wrapped, self.current.as_mut()) {
            if let Some(Value::String(s)) = rec.map.get_mut(key) {
                s.push_str(content.trim());
            }
            return Ok(());
        }
        let expected = if self.records.is_empty() && self.current.is_none() {
            EXPECTED_INPUT
        } else {
            EXPECTED_LINE
        };
        Err(ImportError::new(
            line_no,
            indent + 1,
            expected,
            format!(
                "this line is not a `Name : Value` pair: \"{}\"",
                shorten(content)
            ),
        ))
    }

    /// The records read, each classified; an unclosed block or no record at all is an error.
    fn finish(mut self, first: (usize, usize)) -> Result<Vec<Found>, ImportError> {
        if let Some(b) = self.block {
            return Err(ImportError::new(
                b.line,
                b.column,
                "a closing } or ] for the block that starts here",
                format!(
                    "the value of {} starts a JSON block that is never closed",
                    b.key
                ),
            ));
        }
        self.records.extend(self.current.take());
        if self.records.is_empty() {
            return Err(ImportError::new(
                first.0,
                first.1,
                EXPECTED_INPUT,
                "no `Name : Value` lines found",
            ));
        }
        self.records
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let value = Value::Object(r.map);
                let kind = classify(&value).ok_or_else(|| {
                    ImportError::new(
                        r.line,
                        1,
                        "the output of Get-AzExpressRouteCircuit (with ServiceProviderProvisioningState, Sku or ServiceProviderProperties) or Get-AzExpressRoutePort",
                        format!("the list starting here (item {}) is not an ExpressRoute circuit", i + 1),
                    )
                })?;
                Ok(Found {
                    value,
                    path: String::new(),
                    format: ImportFormat::PowerShellList,
                    kind,
                })
            })
            .collect()
    }
}

/// `Key   : value` → (key, value, byte offset of the value in `content`).
fn split_pair(content: &str) -> Option<(&str, &str, usize)> {
    let key_len = content
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(content.len(), |(i, _)| i);
    let key = &content[..key_len];
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest = &content[key_len..];
    let after_ws = rest.trim_start_matches([' ', '\t']);
    let after_colon = after_ws.strip_prefix(':')?;
    let value = after_colon.strip_prefix(' ').unwrap_or(after_colon);
    let offset = content.len() - value.len();
    // Columns count characters, not bytes.
    let offset_chars = content[..offset].chars().count();
    Some((key, value, offset_chars))
}

fn parse_block(b: &Block) -> Result<Value, ImportError> {
    let parsed = serde_json::from_str::<Value>(&b.text).or_else(|e| {
        super::json::quote_bare_placeholders(&b.text)
            .and_then(|fixed| serde_json::from_str::<Value>(&fixed).ok())
            .ok_or(e)
    });
    parsed.map_err(|e| {
        let line = b.line + e.line().saturating_sub(1);
        let column = if e.line() <= 1 {
            b.column + e.column().saturating_sub(1)
        } else {
            e.column()
        };
        let msg = e.to_string();
        let msg = msg
            .rfind(" at line ")
            .map_or(msg.as_str(), |i| &msg[..i])
            .to_string();
        ImportError::new(
            line,
            column,
            "valid JSON inside the block",
            format!("the JSON block of {} is not valid: {msg}", b.key),
        )
    })
}

fn shorten(s: &str) -> String {
    let t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        format!("{t}…")
    } else {
        t
    }
}
