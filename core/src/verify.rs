//! Verify connectivity: the commands that show a peering's ARP table, route table summary and
//! route table on one link (Primary or Secondary), a reader for what they print (Az PowerShell
//! text, `ConvertTo-Json`, or the Azure CLI's JSON), and what it means, as Microsoft's
//! troubleshooting guides read it. [TROUBLE] [TROUBLE-ARP] [SPEC-2024-05]
//!
//! The reader follows the importer's rules: an error names its line and column, a value hidden
//! before sharing (`****`, `####`, `xxx`, `<redacted>`) is read as unknown with a warning, and
//! nothing is invented: a reading is made only from values the paste shows.

use std::fmt;

use serde_json::Value;

use crate::circuit::Circuit;
use crate::commands::{ps_quote, sh_quote, CommandPair};
use crate::enums::{PeeringType, SkuTier};
use crate::explain::route_limit;
use crate::routing::IpFamily;

// ---------------------------------------------------------------------------------------
// The model

/// One of the circuit's two links: each peering has a BGP session on each. [TROUBLE-ARP]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DevicePath {
    /// The primary link (`-DevicePath Primary`, `--path primary`).
    Primary,
    /// The secondary link (`-DevicePath Secondary`, `--path secondary`).
    Secondary,
}

impl DevicePath {
    /// Both links, primary first.
    pub const ALL: [Self; 2] = [Self::Primary, Self::Secondary];

    /// "Primary" or "Secondary", as PowerShell's `-DevicePath` spells it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Primary => "Primary",
            Self::Secondary => "Secondary",
        }
    }

    /// "primary" or "secondary", as the CLI's `--path` spells it.
    pub const fn cli(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Secondary => "secondary",
        }
    }

    /// The other link.
    pub const fn other(self) -> Self {
        match self {
            Self::Primary => Self::Secondary,
            Self::Secondary => Self::Primary,
        }
    }

    fn parse(s: &str) -> Option<Self> {
        let t = s.trim().trim_matches(|c| c == '\'' || c == '"');
        if t.eq_ignore_ascii_case("primary") {
            Some(Self::Primary)
        } else if t.eq_ignore_ascii_case("secondary") {
            Some(Self::Secondary)
        } else {
            None
        }
    }
}

impl fmt::Display for DevicePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which command's output a paste is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputKind {
    /// `Get-AzExpressRouteCircuitARPTable` / `az network express-route list-arp-tables`.
    ArpTable,
    /// `Get-AzExpressRouteCircuitRouteTableSummary` / `list-route-tables-summary`.
    RouteTableSummary,
    /// `Get-AzExpressRouteCircuitRouteTable` / `list-route-tables`.
    RouteTable,
}

impl OutputKind {
    /// "ARP table", "Route table summary", "Route table".
    pub const fn label(self) -> &'static str {
        match self {
            Self::ArpTable => "ARP table",
            Self::RouteTableSummary => "Route table summary",
            Self::RouteTable => "Route table",
        }
    }
}

/// How the paste was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteFormat {
    /// PowerShell's table (`Format-Table`, the default for the ARP table).
    PowerShellTable,
    /// PowerShell's list (`Name : value` lines, one block per entry).
    PowerShellList,
    /// JSON: the Azure CLI's output, `ConvertTo-Json`, or a REST response body.
    Json,
}

/// Whose interface an ARP entry is. [TROUBLE-ARP]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArpSide {
    /// `On-Prem`: your router's (or the provider's) interface.
    OnPremises,
    /// `Microsoft`: the Microsoft Enterprise Edge router's interface.
    Microsoft,
}

/// An ARP entry's MAC address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mac {
    /// A MAC address as printed (`aaaa.bbbb.cccc`).
    Known(String),
    /// `Incomplete`: ARP asked and nothing answered. [TROUBLE-ARP]
    Incomplete,
}

/// One row of the ARP table. `None` is a value the paste hides or does not show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArpEntry {
    /// The paste's line.
    pub line: usize,
    /// Age of the mapping, in minutes as the MSEE prints it.
    pub age: Option<u64>,
    /// Whose interface.
    pub side: Option<ArpSide>,
    /// The interface's IP address.
    pub ip_address: Option<String>,
    /// The MAC address, or Incomplete.
    pub mac: Option<Mac>,
}

/// The state column of a BGP neighbor (`statePfxRcd`): a prefix count when the session is
/// Established, otherwise the BGP state. [SPEC-2024-05] [TROUBLE]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NeighborState {
    /// Established, with this many prefixes received from the neighbor.
    Established(u64),
    /// Not established: the state as printed (`Idle`, `Active`, `Connect`, …).
    NotEstablished(String),
}

/// One BGP neighbor of the route table summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbor {
    /// The paste's line.
    pub line: usize,
    /// The neighbor's IP address (your router's, on this link).
    pub neighbor: Option<String>,
    /// BGP version (`V`).
    pub version: Option<u64>,
    /// The neighbor's AS number (`AS`, PowerShell's `AsProperty`).
    pub asn: Option<u64>,
    /// How long the session has been Established, or its state (`never`).
    pub up_down: Option<String>,
    /// The state, or the prefixes received.
    pub state: Option<NeighborState>,
}

/// One route of the route table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The paste's line.
    pub line: usize,
    /// The prefix.
    pub network: Option<String>,
    /// The next hop.
    pub next_hop: Option<String>,
    /// Local preference (often blank).
    pub loc_prf: Option<String>,
    /// Weight.
    pub weight: Option<u64>,
    /// The AS path.
    pub path: Option<String>,
}

/// What a paste holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Table {
    /// ARP entries.
    Arp(Vec<ArpEntry>),
    /// BGP neighbors.
    Summary(Vec<Neighbor>),
    /// Routes.
    Routes(Vec<Route>),
}

impl Table {
    /// The command it came from.
    pub fn kind(&self) -> OutputKind {
        match self {
            Self::Arp(_) => OutputKind::ArpTable,
            Self::Summary(_) => OutputKind::RouteTableSummary,
            Self::Routes(_) => OutputKind::RouteTable,
        }
    }

    /// Rows in it.
    pub fn len(&self) -> usize {
        match self {
            Self::Arp(v) => v.len(),
            Self::Summary(v) => v.len(),
            Self::Routes(v) => v.len(),
        }
    }

    /// True when the table has no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A value read as unknown, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteWarning {
    /// 1-based line.
    pub line: usize,
    /// What was not read.
    pub message: String,
}

/// A paste read: what it holds, and, when the paste shows the command, which peering and link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedOutput {
    /// The rows.
    pub table: Table,
    /// How it was written.
    pub format: PasteFormat,
    /// The peering, when the paste shows the command (`-PeeringType`, `--peering-name`).
    pub peering: Option<PeeringType>,
    /// The link, when the paste shows the command (`-DevicePath`, `--path`).
    pub path: Option<DevicePath>,
    /// Values read as unknown.
    pub warnings: Vec<PasteWarning>,
}

/// Why a paste could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message} (expected {expected})")]
pub struct VerifyError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What was expected there.
    pub expected: String,
    /// What is wrong.
    pub message: String,
}

impl VerifyError {
    fn new(
        line: usize,
        column: usize,
        expected: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            line: line.max(1),
            column: column.max(1),
            expected: expected.into(),
            message: message.into(),
        }
    }
}

/// How much a reading matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Traffic cannot use this link (or this peering) until it is fixed.
    Blocking,
    /// Works, but not as it should (no redundancy, nothing received, a value unknown).
    Warning,
    /// As Microsoft's guide expects.
    Fine,
}

impl Severity {
    /// "Blocking", "Warning", "Fine".
    pub const fn label(self) -> &'static str {
        match self {
            Self::Blocking => "Blocking",
            Self::Warning => "Warning",
            Self::Fine => "Fine",
        }
    }
}

/// What a paste means for one peering on one link (or on both, for redundancy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// How much it matters.
    pub severity: Severity,
    /// The peering.
    pub peering: PeeringType,
    /// The link; `None` when the reading is about both links.
    pub path: Option<DevicePath>,
    /// The finding, naming the link.
    pub title: String,
    /// What it means.
    pub meaning: String,
    /// The next thing to check.
    pub next_check: String,
    /// The domain.md source key(s).
    pub source: &'static str,
}

impl Reading {
    /// "AzurePrivatePeering, Primary link" or "AzurePrivatePeering, both links".
    pub fn where_text(&self) -> String {
        match self.path {
            Some(p) => format!("{}, {p} link", self.peering),
            None => format!("{}, both links", self.peering),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Commands

/// The three commands for one peering on one link, Az PowerShell and Azure CLI: the ARP table
/// [TROUBLE-ARP], the route table summary (the BGP neighbors) and the route table [TROUBLE].
/// PowerShell's cmdlets take `-DevicePath Primary|Secondary`, the CLI `--path primary|secondary`.
pub fn verify_commands(c: &Circuit, kind: PeeringType, path: DevicePath) -> Vec<CommandPair> {
    let ps_args = format!(
        "-ResourceGroupName {} -ExpressRouteCircuitName {} -PeeringType {kind} -DevicePath {path}",
        ps_quote(&c.resource_group),
        ps_quote(&c.name)
    );
    let cli_args = format!(
        "--resource-group {} --name {} --peering-name {kind} --path {}",
        sh_quote(&c.resource_group),
        sh_quote(&c.name),
        path.cli()
    );
    let pair = |title: &str, cmdlet: &str, cli: &str, source: &'static str| CommandPair {
        title: format!("{title}: {kind}, {path} link"),
        powershell: format!("{cmdlet} {ps_args}"),
        cli: format!("az network express-route {cli} {cli_args}"),
        source,
    };
    vec![
        pair(
            "ARP table",
            "Get-AzExpressRouteCircuitARPTable",
            "list-arp-tables",
            "[TROUBLE-ARP]",
        ),
        pair(
            "Route table summary (BGP neighbors)",
            "Get-AzExpressRouteCircuitRouteTableSummary",
            "list-route-tables-summary",
            "[TROUBLE]",
        ),
        pair(
            "Route table",
            "Get-AzExpressRouteCircuitRouteTable",
            "list-route-tables",
            "[TROUBLE]",
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Reading a paste

/// A value someone hid before sharing: the importer's rule (`***`, `###`, `<…>`, "redacted"),
/// plus `xxx`.
fn hidden(s: &str) -> bool {
    let t = s.trim();
    t.contains("***")
        || t.contains("###")
        || (t.len() >= 2 && t.starts_with('<') && t.ends_with('>'))
        || t.to_ascii_lowercase().contains("redacted")
        || (t.len() >= 3 && t.chars().all(|c| c == 'x' || c == 'X'))
}

/// Reads what one of the three commands printed. The paste may start with the command itself
/// (a `PS>` prompt line or an `az` line): its `-PeeringType`/`--peering-name` and
/// `-DevicePath`/`--path` then say which peering and link it is for.
pub fn read_paste(text: &str) -> Result<PastedOutput, VerifyError> {
    let (peering, path) = command_hints(text);
    let first = text.char_indices().find(|(_, c)| !c.is_whitespace());
    let Some((_, first_char)) = first else {
        return Err(VerifyError::new(
            1,
            1,
            "the output of one of the commands above",
            "the text is empty",
        ));
    };
    // JSON starts at the first `{` or `[` after any command lines.
    let json_start = json_start(text, first_char);
    let (table, format, warnings) = match json_start {
        Some(offset) => {
            let (table, warnings) = read_json(text, offset)?;
            (table, PasteFormat::Json, warnings)
        }
        None => read_text(text)?,
    };
    Ok(PastedOutput {
        table,
        format,
        peering,
        path,
        warnings,
    })
}

/// True for a line that is the command, not its output.
fn is_command_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("PS ")
        || t.starts_with("PS>")
        || t.starts_with("$ ")
        || t.starts_with("az ")
        || t.to_ascii_lowercase()
            .starts_with("get-azexpressroutecircuit")
}

/// `-PeeringType X -DevicePath Y` or `--peering-name X --path y` on the command lines.
fn command_hints(text: &str) -> (Option<PeeringType>, Option<DevicePath>) {
    let mut peering = None;
    let mut path = None;
    for line in text.lines().filter(|l| is_command_line(l)) {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            let flag = pair[0].to_ascii_lowercase();
            let value = pair[1].trim_matches(|c| c == '\'' || c == '"');
            match flag.as_str() {
                "-peeringtype" | "--peering-name" => {
                    peering = PeeringType::ALL
                        .iter()
                        .copied()
                        .find(|k| k.as_str().eq_ignore_ascii_case(value))
                        .or(peering);
                }
                "-devicepath" | "--path" => path = DevicePath::parse(value).or(path),
                _ => {}
            }
        }
    }
    (peering, path)
}

fn json_start(text: &str, first_char: char) -> Option<usize> {
    if first_char == '{' || first_char == '[' {
        return text.find(['{', '[']);
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            return Some(offset + (line.len() - t.len()));
        }
        if !t.is_empty() && !is_command_line(line) {
            return None;
        }
        offset += line.len();
    }
    None
}

/// 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

// --- JSON ------------------------------------------------------------------------------

fn read_json(text: &str, offset: usize) -> Result<(Table, Vec<PasteWarning>), VerifyError> {
    let (line0, _) = position(text, offset);
    let body = &text[offset..];
    let value: Value = serde_json::from_str(body).map_err(|e| {
        let column = if e.line() == 1 {
            position(text, offset).1 + e.column().saturating_sub(1)
        } else {
            e.column()
        };
        VerifyError::new(
            line0 + e.line().saturating_sub(1),
            column,
            "valid JSON",
            format!("this is not valid JSON: {}", strip_position(&e.to_string())),
        )
    })?;
    // The rows: a bare array, `{ "value": [...] }` (CLI and REST), a REST example's
    // `responses.200.body`, or one object.
    let rows: Vec<&Value> = match rows_of(&value) {
        Some(rows) => rows,
        None => {
            return Err(VerifyError::new(
                line0,
                1,
                "an array of entries, or an object with a \"value\" array",
                "this JSON is not the output of the ARP table, route table summary or route table commands",
            ))
        }
    };
    let kind = match rows.first() {
        None => {
            return Err(VerifyError::new(
                line0,
                1,
                "at least one entry, or the command's text output",
                "the JSON holds no entry, so it does not say which table it is; an empty table means the peering is not configured on this link, or (for the ARP table) a problem on Microsoft's side [TROUBLE] [TROUBLE-ARP]",
            ))
        }
        Some(Value::Object(map)) => {
            let keys: Vec<String> = map.keys().map(|k| k.to_ascii_lowercase()).collect();
            kind_of_keys(&keys).ok_or_else(|| {
                VerifyError::new(
                    line0,
                    1,
                    "entries with the ARP table's, route table summary's or route table's fields",
                    format!(
                        "the entries have none of the fields these commands print (found: {})",
                        map.keys().take(6).cloned().collect::<Vec<_>>().join(", ")
                    ),
                )
            })?
        }
        Some(_) => {
            return Err(VerifyError::new(
                line0,
                1,
                "JSON objects, one per entry",
                "the entries are not objects",
            ))
        }
    };
    let mut warnings = Vec::new();
    let line_of = |i: usize| line_of_entry(text, offset, i);
    let table = match kind {
        OutputKind::ArpTable => {
            let mut out = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let line = line_of(i);
                let mut f = Fields::json(row, line, &mut warnings);
                out.push(ArpEntry {
                    line,
                    age: f.number(&["age"])?,
                    side: f.side(&["interface", "interfaceproperty"])?,
                    ip_address: f.text(&["ipaddress"]),
                    mac: f.mac(&["macaddress"]),
                });
            }
            Table::Arp(out)
        }
        OutputKind::RouteTableSummary => {
            let mut out = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let line = line_of(i);
                let mut f = Fields::json(row, line, &mut warnings);
                out.push(Neighbor {
                    line,
                    neighbor: f.text(&["neighbor"]),
                    version: f.number(&["v"])?,
                    asn: f.number(&["as", "asproperty"])?,
                    up_down: f.text(&["updown"]),
                    state: f.state(&["statepfxrcd"]),
                });
            }
            Table::Summary(out)
        }
        OutputKind::RouteTable => {
            let mut out = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let line = line_of(i);
                let mut f = Fields::json(row, line, &mut warnings);
                out.push(Route {
                    line,
                    network: f.text(&["network"]),
                    next_hop: f.text(&["nexthop"]),
                    loc_prf: f.text(&["locprf"]),
                    weight: f.number(&["weight"])?,
                    path: f.text(&["path"]),
                });
            }
            Table::Routes(out)
        }
    };
    Ok((table, warnings))
}

fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn rows_of(value: &Value) -> Option<Vec<&Value>> {
    match value {
        Value::Array(items) => Some(items.iter().collect()),
        Value::Object(map) => {
            let get = |name: &str| {
                map.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            };
            if let Some(v) = get("value") {
                return match v {
                    Value::Array(items) => Some(items.iter().collect()),
                    _ => None,
                };
            }
            if let Some(body) = get("responses")
                .and_then(|r| r.get("200"))
                .and_then(|r| r.get("body"))
            {
                return rows_of(body);
            }
            if let Some(body) = get("body") {
                return rows_of(body);
            }
            let keys: Vec<String> = map.keys().map(|k| k.to_ascii_lowercase()).collect();
            kind_of_keys(&keys).map(|_| vec![value])
        }
        _ => None,
    }
}

fn kind_of_keys(keys: &[String]) -> Option<OutputKind> {
    let has = |k: &str| keys.iter().any(|x| x == k);
    if has("macaddress") || has("interfaceproperty") || (has("interface") && has("ipaddress")) {
        Some(OutputKind::ArpTable)
    } else if has("statepfxrcd") || has("neighbor") || has("updown") {
        Some(OutputKind::RouteTableSummary)
    } else if has("network") || has("nexthop") || has("locprf") {
        Some(OutputKind::RouteTable)
    } else {
        None
    }
}

/// The line where the i-th object of the rows array starts (best effort: the i-th `{` after
/// the first array's `[` at depth one). Falls back to the JSON's first line.
fn line_of_entry(text: &str, offset: usize, index: usize) -> usize {
    let body = &text[offset..];
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut seen = 0usize;
    let mut array_depth = None;
    for (i, c) in body.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' => {
                depth += 1;
                if array_depth.is_none() {
                    array_depth = Some(depth);
                }
            }
            '{' => {
                if array_depth == Some(depth) {
                    if seen == index {
                        return position(text, offset + i).0;
                    }
                    seen += 1;
                }
                depth += 1;
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    position(text, offset).0
}

/// Field access with the importer's rules, over a JSON object or a row of text.
struct Fields<'a> {
    values: Vec<(String, String, usize)>,
    line: usize,
    warnings: &'a mut Vec<PasteWarning>,
}

impl<'a> Fields<'a> {
    fn json(row: &Value, line: usize, warnings: &'a mut Vec<PasteWarning>) -> Self {
        let mut values = Vec::new();
        if let Value::Object(map) = row {
            for (k, v) in map {
                let s = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                values.push((k.to_ascii_lowercase(), s, 1));
            }
        }
        Self {
            values,
            line,
            warnings,
        }
    }

    fn raw(&mut self, names: &[&str]) -> Option<(String, String, usize)> {
        let found = self
            .values
            .iter()
            .find(|(k, _, _)| names.contains(&k.as_str()))
            .cloned()?;
        let value = found.1.trim();
        if value.is_empty() {
            return None;
        }
        if hidden(value) {
            self.warnings.push(PasteWarning {
                line: self.line,
                message: format!(
                    "{} was hidden before sharing ('{}'); it is read as unknown.",
                    found.0, value
                ),
            });
            return None;
        }
        Some((found.0, value.to_string(), found.2))
    }

    fn text(&mut self, names: &[&str]) -> Option<String> {
        self.raw(names).map(|(_, v, _)| v)
    }

    fn number(&mut self, names: &[&str]) -> Result<Option<u64>, VerifyError> {
        match self.raw(names) {
            None => Ok(None),
            Some((name, v, column)) => v.parse::<u64>().map(Some).map_err(|_| {
                VerifyError::new(
                    self.line,
                    column,
                    format!("a whole number for {name}"),
                    format!("'{v}' is not a number"),
                )
            }),
        }
    }

    fn side(&mut self, names: &[&str]) -> Result<Option<ArpSide>, VerifyError> {
        match self.raw(names) {
            None => Ok(None),
            Some((_, v, column)) => {
                let t: String = v
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if t.starts_with("onprem") {
                    Ok(Some(ArpSide::OnPremises))
                } else if t == "microsoft" {
                    Ok(Some(ArpSide::Microsoft))
                } else {
                    Err(VerifyError::new(
                        self.line,
                        column,
                        "On-Prem or Microsoft",
                        format!("'{v}' is not a side of the ARP table"),
                    ))
                }
            }
        }
    }

    fn mac(&mut self, names: &[&str]) -> Option<Mac> {
        self.raw(names).map(|(_, v, _)| {
            if v.eq_ignore_ascii_case("incomplete") {
                Mac::Incomplete
            } else {
                Mac::Known(v)
            }
        })
    }

    fn state(&mut self, names: &[&str]) -> Option<NeighborState> {
        self.raw(names).map(|(_, v, _)| match v.parse::<u64>() {
            Ok(n) => NeighborState::Established(n),
            Err(_) => NeighborState::NotEstablished(v),
        })
    }
}

// --- PowerShell text -------------------------------------------------------------------

const ARP_COLUMNS: &[&str] = &[
    "age",
    "interfaceproperty",
    "interface",
    "ipaddress",
    "macaddress",
];
const SUMMARY_COLUMNS: &[&str] = &["neighbor", "v", "as", "asproperty", "updown", "statepfxrcd"];
const ROUTE_COLUMNS: &[&str] = &["network", "nexthop", "locprf", "weight", "path"];

fn kind_of_header(words: &[String]) -> Option<OutputKind> {
    let all_in = |cols: &[&str]| words.iter().all(|w| cols.contains(&w.as_str()));
    if words.len() < 3 {
        return None;
    }
    if all_in(ARP_COLUMNS) {
        Some(OutputKind::ArpTable)
    } else if all_in(SUMMARY_COLUMNS) {
        Some(OutputKind::RouteTableSummary)
    } else if all_in(ROUTE_COLUMNS) {
        Some(OutputKind::RouteTable)
    } else {
        None
    }
}

/// The classic cmdlets' titles ("ARP Info:", "Route Table Summary:", "Route Table Info:") and
/// PowerShell's dashes under a header are not data.
fn is_decoration(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "arp info:" | "route table summary:" | "route table info:" | "..."
    ) || t.chars().all(|c| c == '-' || c.is_whitespace())
}

/// Words of a line with their 1-based columns.
fn words_at(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out.into_iter()
        .map(|(s, w)| (line[..s].chars().count() + 1, w))
        .collect()
}

fn read_text(text: &str) -> Result<(Table, PasteFormat, Vec<PasteWarning>), VerifyError> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !is_command_line(l))
        .collect();
    let data: Vec<(usize, &str)> = lines
        .iter()
        .copied()
        .filter(|(_, l)| !l.trim().is_empty() && !is_decoration(l.trim()))
        .collect();
    let Some(&(first_line, first_text)) = data.first() else {
        // Only a classic title and nothing under it: the empty table of a peering that does not
        // exist on this link. [TROUBLE]
        let title = lines
            .iter()
            .find_map(|(_, l)| match l.trim().to_ascii_lowercase().as_str() {
                "arp info:" => Some(OutputKind::ArpTable),
                "route table summary:" => Some(OutputKind::RouteTableSummary),
                "route table info:" => Some(OutputKind::RouteTable),
                _ => None,
            });
        return match title {
            Some(OutputKind::ArpTable) => {
                Ok((Table::Arp(vec![]), PasteFormat::PowerShellTable, vec![]))
            }
            Some(OutputKind::RouteTableSummary) => {
                Ok((Table::Summary(vec![]), PasteFormat::PowerShellTable, vec![]))
            }
            Some(OutputKind::RouteTable) => {
                Ok((Table::Routes(vec![]), PasteFormat::PowerShellTable, vec![]))
            }
            None => Err(VerifyError::new(
                1,
                1,
                "the output of one of the commands above",
                "there is only the command, not what it printed",
            )),
        };
    };
    // List format: `Name : value`.
    if first_text.contains(" : ") || first_text.trim_end().ends_with(" :") {
        return read_list(&lines).map(|(t, w)| (t, PasteFormat::PowerShellList, w));
    }
    let header_words: Vec<String> = words_at(first_text)
        .iter()
        .map(|(_, w)| w.to_ascii_lowercase())
        .collect();
    let Some(kind) = kind_of_header(&header_words) else {
        let column = words_at(first_text).first().map_or(1, |(c, _)| *c);
        return Err(VerifyError::new(
            first_line,
            column,
            "the header of the ARP table (Age InterfaceProperty IpAddress MacAddress), the route table summary (Neighbor V AS UpDown StatePfxRcd) or the route table (Network NextHop LocPrf Weight Path), or JSON",
            "this line is not the start of any of those outputs",
        ));
    };
    let header: Vec<(usize, String)> = words_at(first_text)
        .into_iter()
        .map(|(c, w)| (c, w.to_ascii_lowercase()))
        .collect();
    let mut warnings = Vec::new();
    let rows = &data[1..];
    let table = match kind {
        OutputKind::ArpTable => {
            let mut out = Vec::new();
            for &(line, row) in rows {
                let mut f = Fields::row(&header, row, line, &mut warnings)?;
                out.push(ArpEntry {
                    line,
                    age: f.number(&["age"])?,
                    side: f.side(&["interface", "interfaceproperty"])?,
                    ip_address: f.text(&["ipaddress"]),
                    mac: f.mac(&["macaddress"]),
                });
            }
            Table::Arp(out)
        }
        OutputKind::RouteTableSummary => {
            let mut out = Vec::new();
            for &(line, row) in rows {
                let mut f = Fields::row(&header, row, line, &mut warnings)?;
                out.push(Neighbor {
                    line,
                    neighbor: f.text(&["neighbor"]),
                    version: f.number(&["v"])?,
                    asn: f.number(&["as", "asproperty"])?,
                    up_down: f.text(&["updown"]),
                    state: f.state(&["statepfxrcd"]),
                });
            }
            Table::Summary(out)
        }
        OutputKind::RouteTable => {
            let mut out = Vec::new();
            for &(line, row) in rows {
                let mut f = Fields::route_row(&header, row, line, &mut warnings)?;
                out.push(Route {
                    line,
                    network: f.text(&["network"]),
                    next_hop: f.text(&["nexthop"]),
                    loc_prf: f.text(&["locprf"]),
                    weight: f.number(&["weight"])?,
                    path: f.text(&["path"]),
                });
            }
            Table::Routes(out)
        }
    };
    Ok((table, PasteFormat::PowerShellTable, warnings))
}

impl<'a> Fields<'a> {
    /// A table row whose words line up with the header's (the last column takes the rest:
    /// `Idle (Admin)`).
    fn row(
        header: &[(usize, String)],
        row: &str,
        line: usize,
        warnings: &'a mut Vec<PasteWarning>,
    ) -> Result<Self, VerifyError> {
        let words = words_at(row);
        if words.len() < header.len() {
            return Err(VerifyError::new(
                line,
                words.last().map_or(1, |(c, w)| c + w.chars().count()),
                format!(
                    "{} values ({})",
                    header.len(),
                    header
                        .iter()
                        .map(|(_, h)| h.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!("this row has {} values", words.len()),
            ));
        }
        let mut values: Vec<(String, String, usize)> = header
            .iter()
            .zip(words.iter())
            .map(|((_, h), (c, w))| (h.clone(), (*w).to_string(), *c))
            .collect();
        if words.len() > header.len() {
            if let Some(last) = values.last_mut() {
                let rest: Vec<&str> = words[header.len() - 1..].iter().map(|(_, w)| *w).collect();
                last.1 = rest.join(" ");
            }
        }
        Ok(Self {
            values,
            line,
            warnings,
        })
    }

    /// A route table row: LocPrf is often blank and Path has spaces, so the words are placed by
    /// where the header's columns start.
    fn route_row(
        header: &[(usize, String)],
        row: &str,
        line: usize,
        warnings: &'a mut Vec<PasteWarning>,
    ) -> Result<Self, VerifyError> {
        let words = words_at(row);
        if words.len() < 2 {
            return Err(VerifyError::new(
                line,
                1,
                "a route: Network, NextHop, then LocPrf, Weight and Path",
                format!("this row has {} value(s)", words.len()),
            ));
        }
        let col = |name: &str| header.iter().find(|(_, h)| h == name).map(|(c, _)| *c);
        let mut values = vec![
            ("network".to_string(), words[0].1.to_string(), words[0].0),
            ("nexthop".to_string(), words[1].1.to_string(), words[1].0),
        ];
        let rest = &words[2..];
        let numeric = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
        let leading = rest.iter().take_while(|(_, w)| numeric(w)).count();
        // Placed by column when the header's columns are known and the row lines up with them
        // (PowerShell's own table); otherwise by how many numbers come first.
        let (loc, weight, path_from) = match (col("locprf"), col("weight"), col("path")) {
            (Some(_), Some(wc), Some(pc)) if rest.first().is_some_and(|(c, _)| *c < pc) => {
                let before_weight: Vec<&(usize, &str)> = rest
                    .iter()
                    .take_while(|(c, _)| *c < wc.saturating_sub(2))
                    .collect();
                if leading >= 2 && before_weight.len() == 1 {
                    (Some(rest[0]), Some(rest[1]), 2)
                } else if leading >= 1 && before_weight.is_empty() {
                    (None, Some(rest[0]), 1)
                } else if leading >= 2 {
                    (Some(rest[0]), Some(rest[1]), 2)
                } else if leading == 1 {
                    (None, Some(rest[0]), 1)
                } else {
                    (None, None, 0)
                }
            }
            _ => match leading {
                0 => (None, None, 0),
                1 => (None, Some(rest[0]), 1),
                _ => (Some(rest[0]), Some(rest[1]), 2),
            },
        };
        if let Some((c, w)) = loc {
            values.push(("locprf".to_string(), w.to_string(), c));
        }
        if let Some((c, w)) = weight {
            values.push(("weight".to_string(), w.to_string(), c));
        }
        if rest.len() > path_from {
            let path: Vec<&str> = rest[path_from..].iter().map(|(_, w)| *w).collect();
            values.push(("path".to_string(), path.join(" "), rest[path_from].0));
        }
        Ok(Self {
            values,
            line,
            warnings,
        })
    }
}

/// PowerShell's list format: one `Name : value` per line, a blank line between entries.
fn read_list(lines: &[(usize, &str)]) -> Result<(Table, Vec<PasteWarning>), VerifyError> {
    let mut blocks: Vec<Vec<(String, String, usize, usize)>> = vec![vec![]];
    for &(line, text) in lines {
        let t = text.trim();
        if t.is_empty() {
            if blocks.last().is_some_and(|b| !b.is_empty()) {
                blocks.push(vec![]);
            }
            continue;
        }
        if is_decoration(t) {
            continue;
        }
        let Some(colon) = text.find(':') else {
            return Err(VerifyError::new(
                line,
                1,
                "Name : value",
                "this line of a PowerShell list has no ':'",
            ));
        };
        let name = text[..colon].trim().to_ascii_lowercase();
        let value = text[colon + 1..].trim().to_string();
        let column = text[..colon + 1].chars().count() + 2;
        if let Some(b) = blocks.last_mut() {
            b.push((name, value, line, column));
        }
    }
    blocks.retain(|b| !b.is_empty());
    let keys: Vec<String> = blocks
        .first()
        .map(|b| b.iter().map(|(k, _, _, _)| k.clone()).collect())
        .unwrap_or_default();
    let first_line = blocks.first().and_then(|b| b.first()).map_or(1, |e| e.2);
    let Some(kind) = kind_of_keys(&keys) else {
        return Err(VerifyError::new(
            first_line,
            1,
            "the fields of the ARP table (Age, InterfaceProperty, IpAddress, MacAddress), the route table summary (Neighbor, V, AsProperty, UpDown, StatePfxRcd) or the route table (Network, NextHop, LocPrf, Weight, Path)",
            "this list is not the output of any of the three commands",
        ));
    };
    let mut warnings = Vec::new();
    let mut arp = Vec::new();
    let mut summary = Vec::new();
    let mut routes = Vec::new();
    for block in &blocks {
        let line = block.first().map_or(1, |e| e.2);
        let mut f = Fields {
            values: block
                .iter()
                .map(|(k, v, _, c)| (k.clone(), v.clone(), *c))
                .collect(),
            line,
            warnings: &mut warnings,
        };
        match kind {
            OutputKind::ArpTable => arp.push(ArpEntry {
                line,
                age: f.number(&["age"])?,
                side: f.side(&["interface", "interfaceproperty"])?,
                ip_address: f.text(&["ipaddress"]),
                mac: f.mac(&["macaddress"]),
            }),
            OutputKind::RouteTableSummary => summary.push(Neighbor {
                line,
                neighbor: f.text(&["neighbor"]),
                version: f.number(&["v"])?,
                asn: f.number(&["as", "asproperty"])?,
                up_down: f.text(&["updown"]),
                state: f.state(&["statepfxrcd"]),
            }),
            OutputKind::RouteTable => routes.push(Route {
                line,
                network: f.text(&["network"]),
                next_hop: f.text(&["nexthop"]),
                loc_prf: f.text(&["locprf"]),
                weight: f.number(&["weight"])?,
                path: f.text(&["path"]),
            }),
        }
    }
    let table = match kind {
        OutputKind::ArpTable => Table::Arp(arp),
        OutputKind::RouteTableSummary => Table::Summary(summary),
        OutputKind::RouteTable => Table::Routes(routes),
    };
    Ok((table, warnings))
}

// ---------------------------------------------------------------------------------------
// What it means

/// What to check when ARP fails on your side of a link. [TROUBLE-ARP] [TROUBLE]
const ARP_ON_PREM_CHECK: &str = "Open a support request with your connectivity provider. Check that your router (or the provider's, facing Microsoft) uses the first address of this link's /30 (Azure always uses the second), and that the customer (C-Tag) and service (S-Tag) VLAN tags match on both sides.";

/// What to check when a BGP session is not Established. [TROUBLE]
const BGP_CHECK: &str = "Check that the primary and secondary peer subnets match your router's (or the provider's) configuration, that the VLAN ID, Azure ASN (12076) and peer ASN match on both sides, and that the MD5 shared key, if you set one, is the same on both.";

fn last_octet(ip: &str) -> Option<u8> {
    let v4: std::net::Ipv4Addr = ip.trim().parse().ok()?;
    Some(v4.octets()[3])
}

fn family_of(ip: Option<&str>) -> IpFamily {
    match ip {
        Some(s) if s.contains(':') => IpFamily::V6,
        _ => IpFamily::V4,
    }
}

/// What one paste means for `peering` on `path`, on a circuit of `tier` (for the route
/// limits, from [`route_limit`]). A paste that names another peering or link than the one
/// picked is read as what the paste says.
pub fn read_output(
    paste: &PastedOutput,
    peering: PeeringType,
    path: DevicePath,
    tier: SkuTier,
) -> Vec<Reading> {
    let peering = paste.peering.unwrap_or(peering);
    let path = paste.path.unwrap_or(path);
    let mut out = Vec::new();
    let mut push = |severity, title: String, meaning: String, next: String, source| {
        out.push(Reading {
            severity,
            peering,
            path: Some(path),
            title,
            meaning,
            next_check: next,
            source,
        })
    };
    match &paste.table {
        Table::Arp(entries) => read_arp(entries, path, &mut push),
        Table::Summary(neighbors) => read_summary(neighbors, peering, path, tier, &mut push),
        Table::Routes(routes) => read_routes(routes, peering, path, tier, &mut push),
    }
    for w in &paste.warnings {
        out.push(Reading {
            severity: Severity::Warning,
            peering,
            path: Some(path),
            title: format!("{path} link: a value is unknown (line {})", w.line),
            meaning: w.message.clone(),
            next_check: "Run the command again and paste its output as printed to read this value."
                .to_string(),
            source: "[TROUBLE]",
        });
    }
    out
}

type Push<'a> = dyn FnMut(Severity, String, String, String, &'static str) + 'a;

fn read_arp(entries: &[ArpEntry], path: DevicePath, push: &mut Push<'_>) {
    if entries.is_empty() {
        push(
            Severity::Blocking,
            format!("{path} link: the ARP table is empty"),
            "No ARP table is shown for a peering when Microsoft's side has a problem; it is also empty when the peering is not configured on this link.".to_string(),
            "Check that the peering is configured (its primary and secondary subnets are listed). If it is, open a support ticket with Microsoft and say it is a layer 2 connectivity issue.".to_string(),
            "[TROUBLE-ARP] [TROUBLE]",
        );
        return;
    }
    let on_prem: Vec<&ArpEntry> = entries
        .iter()
        .filter(|e| e.side == Some(ArpSide::OnPremises))
        .collect();
    let microsoft: Vec<&ArpEntry> = entries
        .iter()
        .filter(|e| e.side == Some(ArpSide::Microsoft))
        .collect();
    let unknown_sides = entries.iter().filter(|e| e.side.is_none()).count();
    let incomplete = on_prem.iter().any(|e| e.mac == Some(Mac::Incomplete));
    let on_prem_ok = on_prem.iter().any(|e| matches!(e.mac, Some(Mac::Known(_))));
    if incomplete {
        push(
            Severity::Blocking,
            format!("{path} link: your side's MAC address is Incomplete"),
            "Microsoft's router asked for your interface's MAC address and got no answer: a layer 2 problem on your side or the connectivity provider's (VLAN, cross-connect).".to_string(),
            ARP_ON_PREM_CHECK.to_string(),
            "[TROUBLE-ARP]",
        );
    } else if on_prem.is_empty() && unknown_sides == 0 {
        push(
            Severity::Blocking,
            format!("{path} link: no ARP entry for your side (On-Prem)"),
            "Only Microsoft's entry is there: a layer 2 problem on your side or the connectivity provider's (VLAN, cross-connect).".to_string(),
            ARP_ON_PREM_CHECK.to_string(),
            "[TROUBLE-ARP]",
        );
    }
    if microsoft.iter().any(|e| e.mac == Some(Mac::Incomplete)) {
        push(
            Severity::Blocking,
            format!("{path} link: Microsoft's MAC address is Incomplete"),
            "Microsoft's interface has no MAC address in the table: a layer 2 problem on Microsoft's side of this link.".to_string(),
            "Open a support ticket with Microsoft and say it is a layer 2 connectivity issue.".to_string(),
            "[TROUBLE-ARP]",
        );
    }
    if on_prem_ok && !incomplete {
        if microsoft.is_empty() && unknown_sides == 0 {
            push(
                Severity::Fine,
                format!("{path} link: your side answers ARP; no entry for Microsoft's side"),
                "Microsoft's guide shows an ARP table with only the On-Prem entry as an expected state: depending on the hardware platform, the ARP table may show only the on-premises interface.".to_string(),
                "Nothing to fix at layer 2 on this link. Check the BGP session next: run the route table summary for this link.".to_string(),
                "[TROUBLE-ARP]",
            );
        } else if microsoft
            .iter()
            .any(|e| matches!(e.mac, Some(Mac::Known(_))))
        {
            push(
                Severity::Fine,
                format!("{path} link: both sides answer ARP"),
                "The table has an entry with an IP and MAC address for your side and for Microsoft's: layer 2 works on this link.".to_string(),
                "Check the BGP session next: run the route table summary for this link.".to_string(),
                "[TROUBLE-ARP]",
            );
        }
    }
    // The first address of the /30 is yours (odd last octet), the second Microsoft's (even).
    for e in &on_prem {
        if let Some(o) = e.ip_address.as_deref().and_then(last_octet) {
            if o % 2 == 0 {
                push(
                    Severity::Warning,
                    format!(
                        "{path} link: your side's address {} ends in an even number",
                        e.ip_address.as_deref().unwrap_or_default()
                    ),
                    "In the expected state the last octet of the on-premises address is odd and Microsoft's is even: your router takes the first address of the /30 and Azure the second.".to_string(),
                    "Check that your router's interface has the first address of this link's /30, not the second.".to_string(),
                    "[TROUBLE-ARP]",
                );
            }
        }
    }
    for e in &microsoft {
        if let Some(o) = e.ip_address.as_deref().and_then(last_octet) {
            if o % 2 == 1 {
                push(
                    Severity::Warning,
                    format!(
                        "{path} link: Microsoft's address {} ends in an odd number",
                        e.ip_address.as_deref().unwrap_or_default()
                    ),
                    "Azure always uses the second address of the /30, whose last octet is even; an odd one means the subnets or the addresses do not line up.".to_string(),
                    "Compare this link's /30 in the peering with the addresses configured on your router.".to_string(),
                    "[TROUBLE-ARP]",
                );
            }
        }
    }
}

fn read_summary(
    neighbors: &[Neighbor],
    peering: PeeringType,
    path: DevicePath,
    tier: SkuTier,
    push: &mut Push<'_>,
) {
    if neighbors.is_empty() {
        push(
            Severity::Blocking,
            format!("{path} link: no BGP neighbor"),
            "The route table summary lists no neighbor: the peering is not configured on this link, so there is no BGP session.".to_string(),
            "Check that the peering exists and has this link's subnet; then check the ARP table of this link.".to_string(),
            "[TROUBLE]",
        );
        return;
    }
    for n in neighbors {
        let who = n.neighbor.as_deref().unwrap_or("(address unknown)");
        match &n.state {
            None => push(
                Severity::Warning,
                format!("{path} link: the state of BGP neighbor {who} is unknown"),
                "StatePfxRcd is hidden or missing, so this paste does not say whether the session is Established.".to_string(),
                "Paste the summary with the StatePfxRcd column as printed.".to_string(),
                "[TROUBLE]",
            ),
            Some(NeighborState::NotEstablished(state)) => push(
                Severity::Blocking,
                format!("{path} link: BGP neighbor {who} is not established (state {state})"),
                format!(
                    "The BGP session with your router on this link is {state}{}: no routes are exchanged on it.",
                    match n.up_down.as_deref() {
                        Some(u) if u.eq_ignore_ascii_case("never") => ", and has never been up",
                        _ => "",
                    }
                ),
                BGP_CHECK.to_string(),
                "[TROUBLE] [SPEC-2024-05]",
            ),
            Some(NeighborState::Established(count)) => {
                let family = family_of(n.neighbor.as_deref());
                let limit = u64::from(route_limit(tier, peering, family));
                if *count > limit {
                    push(
                        Severity::Blocking,
                        format!("{path} link: {count} prefixes received from {who}, more than the limit of {limit}"),
                        format!("{peering} on a {tier} circuit accepts up to {limit} {} routes from you on a session; beyond it Microsoft drops the BGP session.", match family { IpFamily::V4 => "IPv4", IpFamily::V6 => "IPv6" }),
                        "Advertise fewer prefixes (summarise them) on this session.".to_string(),
                        "[ROUTING] [LIMITS]",
                    );
                } else if *count == 0 {
                    let next = if peering == PeeringType::MicrosoftPeering {
                        "Check what your router advertises on this session: on Microsoft peering, only your advertised public prefixes, once validated. (What Microsoft sends you is another direction: on Microsoft peering it sends nothing until a route filter is attached.)"
                    } else {
                        "Check what your router advertises on this session (its BGP network statements and outbound filters)."
                    };
                    push(
                        Severity::Warning,
                        format!("{path} link: BGP neighbor {who} is established but sends no prefixes"),
                        "The session is up, and Microsoft's router has received 0 prefixes from your side on it: nothing on-premises is reachable from Azure through this link.".to_string(),
                        next.to_string(),
                        "[TROUBLE] [PS-ROUTING]",
                    );
                } else {
                    push(
                        Severity::Fine,
                        format!("{path} link: BGP neighbor {who} is established, {count} prefixes received"),
                        format!(
                            "The session has been up {} and Microsoft's router has {count} prefixes from your side (limit {limit}).",
                            n.up_down.as_deref().unwrap_or("(time unknown)")
                        ),
                        "If some destinations are still unreachable, look for their prefix in this link's route table; if it is there, check firewalls, NSGs and ACLs on the path.".to_string(),
                        "[TROUBLE]",
                    );
                }
            }
        }
    }
}

fn read_routes(
    routes: &[Route],
    peering: PeeringType,
    path: DevicePath,
    tier: SkuTier,
    push: &mut Push<'_>,
) {
    if routes.is_empty() {
        push(
            Severity::Warning,
            format!("{path} link: the route table is empty"),
            "Microsoft's router has no route on this peering and link: either the peering does not exist on this link, or the BGP session is down, or your side advertises nothing.".to_string(),
            "Run the route table summary for this link: it says whether the session is up and how many prefixes it received.".to_string(),
            "[TROUBLE]",
        );
        return;
    }
    let count = routes.len() as u64;
    let v6 = routes
        .iter()
        .filter(|r| r.network.as_deref().is_some_and(|n| n.contains(':')))
        .count() as u64;
    let v4 = count - v6;
    for (family, n) in [(IpFamily::V4, v4), (IpFamily::V6, v6)] {
        let limit = u64::from(route_limit(tier, peering, family));
        if n > limit {
            push(
                Severity::Blocking,
                format!("{path} link: {n} routes in the table, more than the limit of {limit}"),
                format!("{peering} on a {tier} circuit accepts up to {limit} routes of this family; beyond it Microsoft drops the BGP session."),
                "Advertise fewer prefixes (summarise them).".to_string(),
                "[ROUTING] [LIMITS]",
            );
        }
    }
    push(
        Severity::Fine,
        format!("{path} link: {count} route(s) in Microsoft's table"),
        "These are the prefixes Microsoft's router holds for this peering on this link, with their next hop and AS path.".to_string(),
        "If a destination is unreachable, look for its prefix here (it may be a NATed address); if it is there, check firewalls, NSGs and ACLs on the path.".to_string(),
        "[TROUBLE]",
    );
}

/// Readings across both links of each peering: one link up and the other down leaves no
/// redundancy (Microsoft requires a redundant pair of BGP sessions). Give every paste read so
/// far with the peering and link it is for.
pub fn read_links(pastes: &[(PeeringType, DevicePath, &PastedOutput)]) -> Vec<Reading> {
    let mut out = Vec::new();
    for kind in PeeringType::ALL.iter().copied() {
        let state = |path: DevicePath| -> Option<bool> {
            // Some(true): up; Some(false): down; None: not known from what was pasted.
            let mut result = None;
            for (k, p, paste) in pastes {
                let (k, p) = (paste.peering.unwrap_or(*k), paste.path.unwrap_or(*p));
                if k != kind || p != path {
                    continue;
                }
                match &paste.table {
                    Table::Summary(ns) => {
                        let up = ns
                            .iter()
                            .any(|n| matches!(n.state, Some(NeighborState::Established(_))));
                        let down = ns.is_empty()
                            || ns
                                .iter()
                                .any(|n| matches!(n.state, Some(NeighborState::NotEstablished(_))));
                        if up {
                            result = Some(true);
                        } else if down {
                            result = Some(false);
                        }
                    }
                    Table::Arp(es) => {
                        let broken = es.is_empty()
                            || es.iter().any(|e| e.mac == Some(Mac::Incomplete))
                            || !es.iter().any(|e| e.side == Some(ArpSide::OnPremises));
                        if broken && es.iter().all(|e| e.side.is_some()) {
                            result = Some(false);
                        }
                    }
                    Table::Routes(_) => {}
                }
            }
            result
        };
        let (primary, secondary) = (state(DevicePath::Primary), state(DevicePath::Secondary));
        let down = match (primary, secondary) {
            (Some(true), Some(false)) => Some(DevicePath::Secondary),
            (Some(false), Some(true)) => Some(DevicePath::Primary),
            _ => None,
        };
        if let Some(down) = down {
            out.push(Reading {
                severity: Severity::Warning,
                peering: kind,
                path: None,
                title: format!(
                    "{kind}: only the {} link is up; the {down} link is down, so there is no redundancy",
                    down.other()
                ),
                meaning: "Traffic flows on one link. Microsoft requires a redundant pair of BGP sessions for high availability: if the remaining link fails, this peering is cut off.".to_string(),
                next_check: format!(
                    "Fix the {down} link first: read its ARP table (layer 2), then its route table summary (BGP)."
                ),
                source: "[TROUBLE]",
            });
        }
    }
    out
}
