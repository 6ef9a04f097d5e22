//! The stored data's JSON, read and written by hand.
//!
//! The format is the one `serde_json` gives the app's types (field names, the `portType` tag,
//! `null` for a missing optional value), so data saved by either reads back with the other:
//! `tests/codec.rs` checks both directions on every circuit the core's scenarios reach and checks
//! that both accept and refuse the same mutated texts. It exists for size: serde's derived
//! visitors for these types cost the first load about 100 KB of wasm (README "Performance"),
//! where one non-generic function per type costs a fraction of that. serde stays for the Azure
//! output the importer reads, which is on the tools page.
//!
//! Reading follows serde's rules: unknown fields are skipped, a field given twice is an error,
//! a missing `Option` field is `None`, fields marked with a default take it when missing, and the
//! validated newtypes (ASNs, VLAN ID, shared key, link subnets) are checked by the same
//! constructors the forms use, so stored data can never hold what the core would refuse.

use std::collections::BTreeMap;

use er_core::resiliency::Resiliency;
use er_core::{
    AdvertisedPublicPrefixesState, Authorization, AuthorizationUseStatus, Circuit,
    CircuitConnectionStatus, CircuitProvisioningState, CustomerAsn, GlobalReachConnection,
    LinkPair, LinkSubnet, MicrosoftConfig, PeerAsn, Peering, PeeringConfig, PeeringState,
    PeeringType, Port, PrefixInfo, PrefixValidationState, ProvisioningState, RegistryName,
    RouteFilter, RouteFilterRule, RoutingModel, ServiceProviderProvisioningState, SharedKey, Sku,
    SkuFamily, SkuTier, VlanId, VnetLink,
};
use ipnet::IpNet;

use crate::persist::model::{AppData, SavedCircuit, TimelineEntry};

/// A reading error, with where it happened.
pub type Result<T> = std::result::Result<T, String>;

/// How deep arrays and objects may nest (serde_json's limit too), so hostile text cannot exhaust
/// the stack.
const MAX_DEPTH: u32 = 128;

/// A value that has a stored JSON form.
pub trait Json: Sized {
    /// Appends the value's JSON.
    fn write(&self, w: &mut Writer);
    /// Reads one value.
    fn read(r: &mut Reader) -> Result<Self>;
}

/// The JSON text of a value.
pub fn to_string<T: Json>(value: &T) -> String {
    let mut w = Writer::default();
    value.write(&mut w);
    w.out
}

/// Reads a whole text as one value; anything but white space after it is an error.
pub fn from_str<T: Json>(text: &str) -> Result<T> {
    let mut r = Reader::new(text);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok(value)
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A cursor over JSON text.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// An error naming the position (in characters from the start, counting from 1).
    pub fn error<T>(&self, what: &str) -> Result<T> {
        Err(self.message(what))
    }

    /// The text of [`Reader::error`], kept out of line: errors are rare, readers are many.
    #[cold]
    #[inline(never)]
    fn message(&self, what: &str) -> String {
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let column = self.text[..at].chars().count() + 1;
        if self.text[at..].trim_end().is_empty() {
            // Nothing but white space is left: the text was cut off (a partial write or a copy).
            format!("the text ends too early, at character {column}: {what}")
        } else {
            format!("{what} at character {column}")
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            self.error(&format!("expected {what}"))
        }
    }

    fn word(&mut self, word: &str) -> bool {
        self.skip_space();
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// Checks that only white space is left.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.error("trailing characters"),
        }
    }

    /// Reads `null` if it is next.
    pub fn null(&mut self) -> bool {
        self.word("null")
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool> {
        if self.word("true") {
            Ok(true)
        } else if self.word("false") {
            Ok(false)
        } else {
            self.error("expected true or false")
        }
    }

    /// Reads a string, with its escapes.
    pub fn string(&mut self) -> Result<String> {
        self.expect(b'"', "a string")?;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes().get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The scan stops only at ASCII bytes, so both ends are character boundaries.
            out.push_str(&self.text[start..self.at]);
            match self.bytes().get(self.at) {
                None => return self.error("unterminated string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return self.error("control character in a string"),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(&b) = self.bytes().get(self.at) else {
            return self.error("unterminated string");
        };
        if !b"\"\\/bfnrtu".contains(&b) {
            return self.error("invalid escape");
        }
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !(self.text[self.at..].starts_with("\\u")) {
                        return self.error("lone leading surrogate in a \\u escape");
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return self.error("invalid surrogate pair in a \\u escape");
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return self.error("lone trailing surrogate in a \\u escape"),
                }
            }
            _ => return self.error("invalid escape"),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.get(self.at..self.at + 4);
        match digits.and_then(|d| {
            d.bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(d, 16).ok())
                .flatten()
        }) {
            Some(v) => {
                self.at += 4;
                Ok(v)
            }
            None => self.error("invalid \\u escape"),
        }
    }

    /// The text of a number, checked against JSON's grammar.
    fn number_text(&mut self) -> Result<&'a str> {
        self.skip_space();
        let b = self.bytes();
        let start = self.at;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |i: &mut usize| {
            let from = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - from
        };
        let int_start = i;
        let n = digits(&mut i);
        if n == 0 || (n > 1 && b[int_start] == b'0') {
            self.at = i;
            return self.error("expected a number");
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if digits(&mut i) == 0 {
                self.at = i;
                return self.error("expected a digit after the decimal point");
            }
        }
        if let Some(b'e' | b'E') = b.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            if digits(&mut i) == 0 {
                self.at = i;
                return self.error("expected a digit in the exponent");
            }
        }
        self.at = i;
        Ok(&self.text[start..i])
    }

    /// Reads a whole number from 0 to `max`.
    pub fn whole(&mut self, max: u64) -> Result<u64> {
        let start = self.at;
        let text = self.number_text()?;
        match text.parse::<u64>() {
            Ok(v) if v <= max => Ok(v),
            _ => {
                self.at = start;
                self.skip_space();
                self.error(&format!(
                    "expected a whole number from 0 to {max}, found {text}"
                ))
            }
        }
    }

    /// Reads any number.
    pub fn number(&mut self) -> Result<f64> {
        let text = self.number_text()?;
        match parse_number(text) {
            Some(v) if v.is_finite() => Ok(v),
            _ => self.error("number out of range"),
        }
    }

    fn nest(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error("nested too deeply");
        }
        Ok(())
    }

    /// Reads an object, calling `field` with each key; `field` must read the value.
    pub fn object(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Result<()>) -> Result<()> {
        self.expect(b'{', "an object")?;
        self.nest()?;
        if !self.eat(b'}') {
            loop {
                self.skip_space();
                let key = self.string()?;
                self.expect(b':', "':'")?;
                field(self, &key)?;
                if self.eat(b',') {
                    continue;
                }
                self.expect(b'}', "',' or '}'")?;
                break;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array, calling `item` for each element; `item` must read it.
    pub fn array(&mut self, item: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.expect(b'[', "an array")?;
        self.nest()?;
        if !self.eat(b']') {
            loop {
                item(self)?;
                if self.eat(b',') {
                    continue;
                }
                self.expect(b']', "',' or ']'")?;
                break;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Skips one value of any kind (an unknown field's).
    pub fn skip(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.array(&mut |r| r.skip()),
            Some(b'"') => self.string().map(drop),
            Some(b't' | b'f') => self.boolean().map(drop),
            Some(b'n') if self.null() => Ok(()),
            _ => self.number_text().map(drop),
        }
    }

    /// Skips one value and returns its text.
    pub fn raw(&mut self) -> Result<&'a str> {
        self.skip_space();
        let start = self.at;
        self.skip()?;
        Ok(&self.text[start..self.at])
    }
}

/// The value of a number's text, already checked against JSON's grammar, correctly rounded to the
/// nearest `f64` (as serde_json does only with its `float_roundtrip` feature; without it, it can be
/// one ULP off for large exponents, e.g. `173260801231e30`). In the browser the browser's own parser does this (JavaScript
/// requires the same correctly rounded result): Rust's `f64` parser brings a 20 KB table of powers
/// of five, and this is the only place the first load would use it.
#[cfg(target_arch = "wasm32")]
fn parse_number(text: &str) -> Option<f64> {
    Some(js_sys::parse_float(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_number(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Stores a field's value, refusing a second one (as serde does).
fn put<T: Json>(slot: &mut Option<T>, r: &mut Reader, name: &str) -> Result<()> {
    if slot.is_some() {
        return Err(field_error(r, "duplicate", name));
    }
    *slot = Some(T::read(r)?);
    Ok(())
}

/// A required field's value.
fn need<T>(slot: Option<T>, name: &str, r: &Reader) -> Result<T> {
    slot.ok_or_else(|| field_error(r, "missing", name))
}

#[cold]
#[inline(never)]
fn field_error(r: &Reader, what: &str, name: &str) -> String {
    r.message(&format!("{what} field `{name}`"))
}

/// Reads a value through a checking constructor, reporting its refusal at the value.
fn checked<T, R: Json, E: std::fmt::Display>(
    r: &mut Reader,
    make: impl FnOnce(R) -> std::result::Result<T, E>,
) -> Result<T> {
    r.skip_space();
    let start = r.at;
    let raw = R::read(r)?;
    make(raw).or_else(|e| {
        r.at = start;
        r.error(&e.to_string())
    })
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Collects JSON text.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Whether the next field or element is the first of its object or array.
    first: bool,
}

impl Writer {
    fn open(&mut self, c: char) {
        self.out.push(c);
        self.first = true;
    }

    fn close(&mut self, c: char) {
        self.out.push(c);
        self.first = false;
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// Starts a field of the current object (names are plain ASCII).
    fn key(&mut self, name: &str) {
        self.separate();
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
    }

    /// Writes a field.
    fn field<T: Json>(&mut self, name: &str, value: &T) {
        self.key(name);
        value.write(self);
    }

    /// Writes a string with JSON's escapes (as serde_json does: quote, backslash and control
    /// characters; everything else as is).
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn whole(&mut self, v: u64) {
        let mut digits = [0u8; 20];
        let mut n = v;
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            self.out.push(d as char);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plain values

/// One table of a struct's fields gives both its writer and its reader, so the two cannot drift
/// and each field is named once: `rust_field: "jsonName" => rule`, in the order written. A
/// `required` field missing from the text is an error at the object's end; a `default` one (added
/// after data was first saved, or an `Option`) reads as its default, as serde's `#[serde(default)]`
/// does. A field given twice is an error and an unknown one is skipped, as serde does.
macro_rules! json_object {
    ($ty:ident { $( $field:ident : $name:literal => $rule:ident ),+ $(,)? }) => {
        impl Json for $ty {
            fn write(&self, w: &mut Writer) {
                w.open('{');
                $( json_object!(@write $rule w, $name, &self.$field); )+
                w.close('}');
            }
            fn read(r: &mut Reader) -> Result<Self> {
                $( let mut $field = None; )+
                r.object(&mut |r, k| match k {
                    $( $name => put(&mut $field, r, k), )+
                    _ => r.skip(),
                })?;
                Ok($ty { $( $field: json_object!(@$rule $field, $name, r), )+ })
            }
        }
    };
    (@required $slot:ident, $name:literal, $r:ident) => { need($slot, $name, $r)? };
    (@default $slot:ident, $name:literal, $r:ident) => { $slot.unwrap_or_default() };
    // An `Option` serde skips when `None` (`skip_serializing_if = "Option::is_none"`): absent
    // from the text then, and read as `None` when absent or null.
    (@optional $slot:ident, $name:literal, $r:ident) => { $slot.flatten() };
    (@write optional $w:ident, $name:literal, $value:expr) => {
        if $value.is_some() {
            $w.field($name, $value);
        }
    };
    (@write $rule:ident $w:ident, $name:literal, $value:expr) => { $w.field($name, $value) };
}

impl Json for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
    fn read(r: &mut Reader) -> Result<Self> {
        r.string()
    }
}

impl Json for bool {
    fn write(&self, w: &mut Writer) {
        w.out.push_str(if *self { "true" } else { "false" });
    }
    fn read(r: &mut Reader) -> Result<Self> {
        r.boolean()
    }
}

macro_rules! whole_number {
    ($($t:ty),+) => {$(
        impl Json for $t {
            fn write(&self, w: &mut Writer) {
                w.whole(u64::from(*self));
            }
            fn read(r: &mut Reader) -> Result<Self> {
                // In range by the check, so the conversion cannot fail.
                r.whole(u64::from(<$t>::MAX)).map(|v| v as $t)
            }
        }
    )+};
}
whole_number!(u8, u16, u32, u64);

impl Json for f64 {
    /// As serde_json writes it (shortest text that reads back the same). Times are the only
    /// numbers of this kind and are always finite; a non-finite one is written as 0 so that the
    /// data stays readable.
    fn write(&self, w: &mut Writer) {
        let v = if self.is_finite() { *self } else { 0.0 };
        w.out.push_str(zmij::Buffer::new().format_finite(v));
    }
    fn read(r: &mut Reader) -> Result<Self> {
        r.number()
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write(w),
            None => w.out.push_str("null"),
        }
    }
    fn read(r: &mut Reader) -> Result<Self> {
        if r.null() {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.open('[');
        for v in self {
            w.separate();
            v.write(w);
        }
        w.close(']');
    }
    fn read(r: &mut Reader) -> Result<Self> {
        let mut out = Vec::new();
        r.array(&mut |r| {
            out.push(T::read(r)?);
            Ok(())
        })?;
        Ok(out)
    }
}

impl<V: Json> Json for BTreeMap<String, V> {
    fn write(&self, w: &mut Writer) {
        w.open('{');
        for (k, v) in self {
            w.separate();
            w.string(k);
            w.out.push(':');
            v.write(w);
        }
        w.close('}');
    }
    /// A key given twice keeps the last value (as serde_json does for maps).
    fn read(r: &mut Reader) -> Result<Self> {
        let mut out = BTreeMap::new();
        r.object(&mut |r, k| {
            out.insert(k.to_string(), V::read(r)?);
            Ok(())
        })?;
        Ok(out)
    }
}

impl Json for IpNet {
    fn write(&self, w: &mut Writer) {
        w.string(&self.to_string());
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |s: String| s.parse::<IpNet>())
    }
}

// ---------------------------------------------------------------------------------------------
// The core's values

// A stored value the core's rules refuse (written by hand, or by another program) is named by
// what it should be, at its place in the text: not with the refusal's words for a form, whose
// every text would otherwise come with the first page.
const INVALID_PEER_ASN: &str = "not a valid peer ASN";
const INVALID_CUSTOMER_ASN: &str = "not a valid customer ASN";
const INVALID_VLAN_ID: &str = "not a valid VLAN ID";
const INVALID_SHARED_KEY: &str = "not a valid shared key";
const INVALID_SUBNET: &str = "not a valid peering subnet";
const INVALID_PAIR: &str = "not a valid pair of primary and secondary subnets";

/// Azure enums: their exact spelling, read back only from the exact spelling.
macro_rules! spelled {
    ($($t:ty),+) => {$(
        impl Json for $t {
            fn write(&self, w: &mut Writer) {
                w.string(self.as_str());
            }
            fn read(r: &mut Reader) -> Result<Self> {
                checked(r, |s: String| {
                    <$t>::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                        format!("unknown variant `{s}` of {}", stringify!($t))
                    })
                })
            }
        }
    )+};
}
spelled!(
    Resiliency,
    AdvertisedPublicPrefixesState,
    AuthorizationUseStatus,
    CircuitConnectionStatus,
    PeeringState,
    PeeringType,
    PrefixValidationState,
    ProvisioningState,
    RegistryName,
    ServiceProviderProvisioningState,
    SkuFamily,
    SkuTier
);

impl Json for RoutingModel {
    /// Stored by its variant name ("Layer2"), not its display text ("Layer 2").
    fn write(&self, w: &mut Writer) {
        w.string(self.key());
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |s: String| {
            RoutingModel::ALL
                .iter()
                .find(|m| m.key() == s)
                .copied()
                .ok_or_else(|| format!("unknown variant `{s}` of RoutingModel"))
        })
    }
}

impl Json for CircuitProvisioningState {
    fn write(&self, w: &mut Writer) {
        w.string(self.as_str());
    }
    /// Any text: values other than Enabled and Disabled are kept as they are.
    fn read(r: &mut Reader) -> Result<Self> {
        let s = r.string()?;
        Ok(match s.as_str() {
            "Enabled" => CircuitProvisioningState::Enabled,
            "Disabled" => CircuitProvisioningState::Disabled,
            _ => CircuitProvisioningState::Other(s),
        })
    }
}

impl Json for PeerAsn {
    fn write(&self, w: &mut Writer) {
        u32::from(*self).write(w);
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |v: u32| {
            PeerAsn::try_from(v).map_err(|_| INVALID_PEER_ASN)
        })
    }
}

impl Json for CustomerAsn {
    fn write(&self, w: &mut Writer) {
        u32::from(*self).write(w);
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |v: u32| {
            CustomerAsn::try_from(v).map_err(|_| INVALID_CUSTOMER_ASN)
        })
    }
}

impl Json for VlanId {
    fn write(&self, w: &mut Writer) {
        u16::from(*self).write(w);
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |v: u16| VlanId::try_from(v).map_err(|_| INVALID_VLAN_ID))
    }
}

impl Json for SharedKey {
    fn write(&self, w: &mut Writer) {
        w.string(self.as_str());
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |v: String| {
            SharedKey::try_from(v).map_err(|_| INVALID_SHARED_KEY)
        })
    }
}

impl Json for LinkSubnet {
    fn write(&self, w: &mut Writer) {
        w.string(&self.to_string());
    }
    fn read(r: &mut Reader) -> Result<Self> {
        checked(r, |v: String| {
            LinkSubnet::try_from(v).map_err(|_| INVALID_SUBNET)
        })
    }
}

impl Json for LinkPair {
    fn write(&self, w: &mut Writer) {
        w.open('{');
        w.field("primary", &self.primary());
        w.field("secondary", &self.secondary());
        w.close('}');
    }
    fn read(r: &mut Reader) -> Result<Self> {
        r.skip_space();
        let start = r.at;
        let (mut primary, mut secondary) = (None, None);
        r.object(&mut |r, k| match k {
            "primary" => put(&mut primary, r, k),
            "secondary" => put(&mut secondary, r, k),
            _ => r.skip(),
        })?;
        let pair = LinkPair::new(
            need(primary, "primary", r)?,
            need(secondary, "secondary", r)?,
        );
        pair.or_else(|_| {
            r.at = start;
            r.error(INVALID_PAIR)
        })
    }
}

json_object! {
    Sku {
        tier: "tier" => required,
        family: "family" => required,
    }
}

impl Json for Port {
    /// Internally tagged by `portType` ("provider" or "direct"), written first.
    fn write(&self, w: &mut Writer) {
        w.open('{');
        match self {
            Port::Provider {
                service_provider_name,
                peering_location,
                bandwidth_in_mbps,
                routing_model,
            } => {
                w.key("portType");
                w.string("provider");
                w.field("serviceProviderName", service_provider_name);
                w.field("peeringLocation", peering_location);
                w.field("bandwidthInMbps", bandwidth_in_mbps);
                w.field("routingModel", routing_model);
            }
            Port::Direct {
                express_route_port,
                bandwidth_in_gbps,
                peering_location,
                port_bandwidth_gbps,
            } => {
                w.key("portType");
                w.string("direct");
                w.field("expressRoutePort", express_route_port);
                w.field("bandwidthInGbps", bandwidth_in_gbps);
                w.field("peeringLocation", peering_location);
                w.field("portBandwidthGbps", port_bandwidth_gbps);
            }
        }
        w.close('}');
    }
    /// The tag may come anywhere among the fields.
    fn read(r: &mut Reader) -> Result<Self> {
        let mut tag: Option<String> = None;
        let (mut name, mut location, mut mbps, mut model) = (None, None, None, None);
        let (mut port, mut gbps) = (None::<String>, None::<u32>);
        let mut port_gbps = None::<Option<u32>>;
        r.object(&mut |r, k| match k {
            "portType" => put(&mut tag, r, k),
            "serviceProviderName" => put(&mut name, r, k),
            "peeringLocation" => put(&mut location, r, k),
            "bandwidthInMbps" => put(&mut mbps, r, k),
            "routingModel" => put(&mut model, r, k),
            "expressRoutePort" => put(&mut port, r, k),
            "bandwidthInGbps" => put(&mut gbps, r, k),
            "portBandwidthGbps" => put(&mut port_gbps, r, k),
            _ => r.skip(),
        })?;
        match tag.as_deref() {
            Some("provider") => Ok(Port::Provider {
                service_provider_name: need(name, "serviceProviderName", r)?,
                peering_location: need(location, "peeringLocation", r)?,
                bandwidth_in_mbps: need(mbps, "bandwidthInMbps", r)?,
                routing_model: need(model, "routingModel", r)?,
            }),
            // The port's location and size were added later: older data has neither.
            Some("direct") => Ok(Port::Direct {
                express_route_port: need(port, "expressRoutePort", r)?,
                bandwidth_in_gbps: need(gbps, "bandwidthInGbps", r)?,
                peering_location: location.unwrap_or_default(),
                port_bandwidth_gbps: port_gbps.flatten(),
            }),
            Some(other) => r.error(&format!("unknown variant `{other}` of portType")),
            None => r.error("missing field `portType`"),
        }
    }
}

json_object! {
    // validationId and signature are absent in data saved before api-version 2024-10-01's fields
    // were kept: they read as None (serde default).
    PrefixInfo {
        prefix: "prefix" => required,
        validation_state: "validationState" => required,
        validation_id: "validationId" => default,
        signature: "signature" => default,
    }
}

json_object! {
    MicrosoftConfig {
        advertised_public_prefixes: "advertisedPublicPrefixes" => required,
        customer_asn: "customerAsn" => default,
        routing_registry_name: "routingRegistryName" => default,
    }
}

json_object! {
    PeeringConfig {
        peer_asn: "peerAsn" => required,
        ipv4: "ipv4" => default,
        ipv6: "ipv6" => default,
        vlan_id: "vlanId" => required,
        shared_key: "sharedKey" => default,
        microsoft: "microsoft" => default,
    }
}

json_object! {
    Peering {
        peering_type: "peeringType" => required,
        state: "state" => required,
        azure_asn: "azureAsn" => required,
        provisioning_state: "provisioningState" => required,
        config: "config" => required,
        advertised_public_prefixes_state: "advertisedPublicPrefixesState" => required,
        prefix_info: "prefixInfo" => required,
        last_modified_by: "lastModifiedBy" => required,
        global_reach: "globalReach" => default,
        peer_global_reach: "peerGlobalReach" => default,
        route_filter: "routeFilter" => optional,
    }
}

impl Json for GlobalReachConnection {
    fn write(&self, w: &mut Writer) {
        w.open('{');
        w.field("name", &self.name);
        w.field("peerCircuitId", &self.peer_circuit_id);
        w.field("addressPrefix", &self.address_prefix);
        w.field("ipv6AddressPrefix", &self.ipv6_address_prefix);
        w.field("authorized", &self.authorized);
        w.field("status", &self.status);
        w.close('}');
    }
    /// Data saved when only the names were kept holds a string: a connection of that name.
    fn read(r: &mut Reader) -> Result<Self> {
        if r.peek() == Some(b'"') {
            return r.string().map(GlobalReachConnection::named);
        }
        let (mut name, mut peer, mut v4, mut v6, mut authorized, mut status) =
            (None, None, None, None, None, None);
        r.object(&mut |r, k| match k {
            "name" => put(&mut name, r, k),
            "peerCircuitId" => put(&mut peer, r, k),
            "addressPrefix" => put(&mut v4, r, k),
            "ipv6AddressPrefix" => put(&mut v6, r, k),
            "authorized" => put(&mut authorized, r, k),
            "status" => put(&mut status, r, k),
            _ => r.skip(),
        })?;
        Ok(GlobalReachConnection {
            name: need(name, "name", r)?,
            peer_circuit_id: peer.unwrap_or_default(),
            address_prefix: v4.flatten(),
            ipv6_address_prefix: v6.flatten(),
            authorized: authorized.unwrap_or_default(),
            status: status.flatten(),
        })
    }
}

json_object! {
    Authorization {
        name: "name" => required,
        authorization_key: "authorizationKey" => required,
        authorization_use_status: "authorizationUseStatus" => required,
        connection: "connection" => default,
    }
}

json_object! {
    VnetLink {
        name: "name" => required,
        vnet_name: "vnetName" => required,
        vnet_region: "vnetRegion" => required,
        address_spaces: "addressSpaces" => required,
        authorization: "authorization" => default,
    }
}

json_object! {
    Circuit {
        name: "name" => required,
        resource_group: "resourceGroup" => required,
        region: "region" => required,
        subscription_id: "subscriptionId" => required,
        port: "port" => required,
        sku: "sku" => required,
        service_key: "serviceKey" => required,
        service_provider_provisioning_state: "serviceProviderProvisioningState" => required,
        circuit_provisioning_state: "circuitProvisioningState" => required,
        provisioning_state: "provisioningState" => required,
        allow_classic_operations: "allowClassicOperations" => required,
        peerings: "peerings" => required,
        authorizations: "authorizations" => required,
        vnet_links: "vnetLinks" => required,
        route_filter: "routeFilter" => optional,
    }
}

json_object! {
    RouteFilterRule {
        name: "name" => required,
        communities: "communities" => required,
    }
}

json_object! {
    RouteFilter {
        name: "name" => required,
        resource_group: "resourceGroup" => required,
        region: "region" => required,
        rule: "rule" => default,
    }
}

// ---------------------------------------------------------------------------------------------
// The app's data (field names as in Rust: these types have no rename)

json_object! {
    TimelineEntry {
        at: "at" => required,
        action: "action" => required,
        before: "before" => required,
        after: "after" => default,
        refusal: "refusal" => default,
        notes: "notes" => default,
    }
}

json_object! {
    SavedCircuit {
        id: "id" => required,
        circuit: "circuit" => required,
        step: "step" => required,
        updated: "updated" => required,
        drafts: "drafts" => default,
        timeline: "timeline" => default,
        history: "history" => default,
        imported: "imported" => default,
        // Absent in data saved before the resiliency choice was kept (serde default).
        resiliency: "resiliency" => default,
        pair: "pair" => default,
        dismissed: "dismissed" => default,
    }
}

json_object! {
    AppData {
        circuits: "circuits" => required,
        create_draft: "create_draft" => default,
        deleted: "deleted" => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_with_every_escape() {
        let s = "a\"b\\c/\u{8}\u{c}\n\r\t\u{1}\u{1f}é€😀";
        let text = to_string(&s.to_string());
        assert_eq!(text, "\"a\\\"b\\\\c/\\b\\f\\n\\r\\t\\u0001\\u001fé€😀\"");
        assert_eq!(from_str::<String>(&text).unwrap(), s);
        assert_eq!(
            from_str::<String>(r#""\ud83d\ude00 \u00e9 \/""#).unwrap(),
            "😀 é /"
        );
    }

    #[test]
    fn bad_strings_are_errors_with_a_position() {
        for bad in [
            r#""abc"#,
            r#""\x""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\u12""#,
            "\"a\u{1}\"",
        ] {
            let e = from_str::<String>(bad).unwrap_err();
            assert!(e.contains("at character"), "{bad}: {e}");
        }
    }

    #[test]
    fn numbers_follow_json_grammar_and_ranges() {
        assert_eq!(from_str::<u32>(" 42 ").unwrap(), 42);
        assert_eq!(from_str::<u8>("255").unwrap(), 255);
        for bad in [
            "256",
            "-1",
            "01",
            "1.5",
            "1e2",
            "",
            "-",
            "1.",
            ".5",
            "4294967296",
        ] {
            assert!(from_str::<u8>(bad).is_err(), "{bad}");
        }
        assert_eq!(
            from_str::<f64>("1732608000000").unwrap(),
            1_732_608_000_000.0
        );
        assert_eq!(from_str::<f64>("-1.5e3").unwrap(), -1500.0);
        assert!(from_str::<f64>("1e999").is_err());
        assert_eq!(to_string(&1_732_608_000_000.0f64), "1732608000000.0");
        assert_eq!(to_string(&0.1f64), "0.1");
        assert_eq!(to_string(&f64::NAN), "0.0");
        assert_eq!(to_string(&u64::MAX), "18446744073709551615");
    }

    #[test]
    fn cut_off_text_says_so() {
        let mut data = AppData::default();
        data.create_draft.insert("name".into(), "ER \"x\"".into());
        data.deleted.insert("gone".into(), 12.5);
        let text = to_string(&data);
        for cut in 1..text.len() {
            let e = from_str::<AppData>(&text[..cut]).unwrap_err();
            assert!(
                e.starts_with("the text ends too early"),
                "{}: {e}",
                &text[..cut]
            );
        }
        let e = from_str::<Vec<u8>>("[1,x]").unwrap_err();
        assert!(!e.contains("ends too early"), "{e}");
    }

    #[test]
    fn structure_errors_are_reported_not_panics() {
        assert!(from_str::<Vec<u32>>("[1,2,]").is_err());
        assert!(from_str::<Vec<u32>>("[1 2]").is_err());
        assert!(from_str::<Vec<u32>>("[1,2] x").is_err());
        assert_eq!(from_str::<Vec<u32>>(" [ ] ").unwrap(), Vec::<u32>::new());
        let deep = "[".repeat(10_000);
        assert!(from_str::<Vec<u32>>(&deep).is_err());
        let mut r = Reader::new(&deep);
        assert!(r.skip().unwrap_err().contains("nested too deeply"));
        assert!(from_str::<BTreeMap<String, u8>>(r#"{"a":1,"a":2}"#).unwrap()["a"] == 2);
        let e = from_str::<er_core::Sku>(
            r#"{"tier":"Standard","tier":"Premium","family":"MeteredData"}"#,
        )
        .unwrap_err();
        assert!(e.contains("duplicate field `tier`"), "{e}");
        let e = from_str::<er_core::Sku>(r#"{"tier":"Standard"}"#).unwrap_err();
        assert!(e.contains("missing field `family`"), "{e}");
        let e = from_str::<er_core::Sku>(r#"{"tier":"Gold","family":"MeteredData"}"#).unwrap_err();
        assert!(e.contains("unknown variant `Gold`"), "{e}");
    }

    #[test]
    fn validated_values_are_checked_by_the_core() {
        // RESERVED-ASN: 65515 is refused as a peer ASN; VLAN IDs are 1–4094 [ROUTING].
        assert!(from_str::<PeerAsn>("65515").is_err());
        assert!(from_str::<PeerAsn>("65001").is_ok());
        assert!(from_str::<VlanId>("0").is_err());
        assert!(from_str::<VlanId>("4095").is_err());
        assert!(from_str::<LinkPair>(
            r#"{"primary":"192.168.1.0/30","secondary":"192.168.1.0/30"}"#
        )
        .is_err());
        assert!(from_str::<LinkPair>(
            r#"{"primary":"192.168.1.0/30","secondary":"192.168.1.4/30"}"#
        )
        .is_ok());
        assert!(from_str::<SharedKey>(r#""has space""#).is_err());
    }
}
