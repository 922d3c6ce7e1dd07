//! Compact JSON of many results from one rulebook, for batch's full records: the same bytes
//! as serialising each [`Screening`] with serde, written mostly by copying.
//!
//! A full record is about 13 KB, nearly all of it rulebook texts (risks, advice, fired
//! rules, the disclaimer). serde escapes every one of them again for every row, character
//! by character where a text is not plain ASCII; this writer escapes each text the first
//! time it meets it and copies the escaped bytes after that. Parts that are rare or made
//! per row (pending rules, the headline, explanations) still go through serde, so they
//! cannot drift from the contract; a test compares every field with serde's output.

use super::{AdviceItem, FiredRule, InkReason, RiskItem, Screening};
use crate::audience::Audience;
use std::marker::PhantomData;

/// Writes [`Screening`]s as compact JSON, caching the escaped form of the texts they borrow
/// from the rulebook (lifetime `'a`).
pub struct JsonLine<'a> {
    /// The texts met so far, escaped.
    escaped: Escaped<TextKey>,
    /// The fired rules met so far, as JSON objects.
    rules: Escaped<RuleKey>,
    /// The fixed parts of risks, advice and ink reasons met so far, as JSON.
    parts: Escaped<PartKey>,
    /// Texts made for each row (the verdict's meaning, the headline), escaped.
    recent: Recent,
    /// Explanations' questions, as JSON.
    questions: QuestionsWritten,
    /// `"schema_version":…,"tool":…,"rulebook":…,"audience":…,` and what it was made from.
    prefix: Option<(Prefix<'a>, Vec<u8>)>,
    _texts: PhantomData<&'a str>,
}

impl Default for JsonLine<'_> {
    fn default() -> Self {
        JsonLine {
            escaped: Escaped::default(),
            rules: Escaped::default(),
            parts: Escaped::default(),
            recent: Recent::default(),
            questions: QuestionsWritten::default(),
            prefix: None,
            _texts: PhantomData,
        }
    }
}

/// What the first members of a result are made of.
type Prefix<'a> = (u32, super::ToolInfo, super::RulebookInfo<'a>, Audience);

/// `empty` when the value is empty (most rows), else serde's JSON of it.
fn serde_or(out: &mut Vec<u8>, value: &impl serde::Serialize, is_empty: bool, empty: &[u8]) {
    if is_empty {
        out.extend_from_slice(empty);
    } else {
        serde(out, value);
    }
}

/// Whether `s` begins with the members `prefix` was made of. Texts borrowed for `'a` are
/// the same when they are the same memory, which is quicker to tell than comparing bytes
/// for every row; content is compared only where addresses differ.
fn same_prefix<'a>((version, tool, rulebook, audience): &Prefix<'a>, s: &Screening<'a>) -> bool {
    fn same(a: &str, b: &str) -> bool {
        std::ptr::eq(a, b) || a == b
    }
    let (r, o) = (rulebook, &s.rulebook);
    *version == s.schema_version
        && *audience == s.audience
        && same(tool.name, s.tool.name)
        && same(tool.version, s.tool.version)
        && same(r.id, o.id)
        && same(r.title, o.title)
        && same(r.version, o.version)
        && same(r.sha256, o.sha256)
        && same(r.status, o.status)
        && same(&r.review, &o.review)
        && r.reviewed_on
            .zip(o.reviewed_on)
            .map_or(r.reviewed_on == o.reviewed_on, |(a, b)| same(a, b))
        && same(r.review_due, o.review_due)
}

/// serde's JSON of an explanation (made for every row), written member by member: serde
/// spent most of an explained row escaping its thousand-odd short strings a byte at a
/// time. Only each question's part, the same on every row, is kept (`QuestionsWritten`). The field names and order are the structs'; a test compares
/// the bytes with serde's on every golden case.
fn explanation(out: &mut Vec<u8>, e: &crate::explain::Explanation, kept: &mut QuestionsWritten) {
    use crate::sanitize::write_json_str as text;
    let v = &e.verdict;
    out.extend_from_slice(b"{\"verdict\":{\"value\":\"");
    out.extend_from_slice(v.value.as_str().as_bytes());
    out.extend_from_slice(b"\",\"set_by\":");
    list(out, &v.set_by, |out, s| text(out, s));
    out.extend_from_slice(b",\"overrode\":");
    list(out, &v.overrode, |out, o| {
        out.extend_from_slice(b"{\"rule\":");
        text(out, &o.rule);
        out.extend_from_slice(b",\"verdict\":\"");
        out.extend_from_slice(o.verdict.as_str().as_bytes());
        out.extend_from_slice(b"\"}");
    });
    let ink = &e.ink;
    out.extend_from_slice(b"},\"ink\":{\"value\":\"");
    out.extend_from_slice(ink.value.as_str().as_bytes());
    out.extend_from_slice(b"\"");
    for (key, effects) in [(&b",\"set_by\":"[..], &ink.set_by), (b",\"overrode\":", &ink.overrode)] {
        out.extend_from_slice(key);
        list(out, effects, |out, effect| {
            fields(out, &[(b"{\"rule\":", &effect.rule), (b",\"effect\":", &effect.effect)]);
            out.push(b'}');
        });
    }
    out.extend_from_slice(b"},\"rules\":");
    list(out, &e.rules, |out, r| {
        fields(
            out,
            &[
                (b"{\"rule\":", &r.rule),
                (b",\"title\":", &r.title),
                (b",\"state\":", r.state),
            ],
        );
        out.extend_from_slice(b",\"trace\":");
        trace_node(out, &r.trace);
        out.extend_from_slice(b",\"would_need\":");
        list(out, &r.would_need, |out, s| text(out, s));
        out.push(b'}');
    });
    out.extend_from_slice(b",\"questions\":");
    list(out, &e.questions, |out, q| out.extend_from_slice(kept.get(q)));
    out.push(b'}');
}

/// Each question's part of an explanation, as JSON, by question id: the same for every
/// row of a batch (it changes only with the language and voice), and about half of the
/// strings an explanation holds. An entry is used only when its question's part is equal
/// to the one being written, so it can never go stale.
#[derive(Default)]
struct QuestionsWritten(
    std::collections::HashMap<String, (crate::explain::QuestionWhy, Vec<u8>), foldhash::fast::RandomState>,
);

/// Questions whose parts are kept at most.
const QUESTIONS_KEPT: usize = 10_000;

impl QuestionsWritten {
    /// The JSON of `q`, written now unless an equal part was written before.
    fn get(&mut self, q: &crate::explain::QuestionWhy) -> &[u8] {
        if self.0.get(&q.question).is_none_or(|(kept, _)| kept != q) {
            if self.0.len() >= QUESTIONS_KEPT {
                self.0.clear();
            }
            let mut bytes = Vec::new();
            fields(
                &mut bytes,
                &[
                    (b"{\"question\":", &q.question),
                    (b",\"short\":", &q.short),
                    (b",\"why\":", &q.why),
                ],
            );
            bytes.extend_from_slice(b",\"read_by\":");
            list(&mut bytes, &q.read_by, |out, r| {
                fields(out, &[(b"{\"rule\":", &r.rule), (b",\"title\":", &r.title)]);
                out.push(b'}');
            });
            bytes.push(b'}');
            self.0.insert(q.question.clone(), (q.clone(), bytes));
        }
        &self.0[&q.question].1
    }
}

/// Each key (with what comes before it) and its text.
fn fields(out: &mut Vec<u8>, members: &[(&[u8], &str)]) {
    for (key, value) in members {
        out.extend_from_slice(key);
        crate::sanitize::write_json_str(out, value);
    }
}

/// A JSON array of `items`, each written by `item`.
fn list<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        comma(out, i);
        item(out, x);
    }
    out.push(b']');
}

/// serde's JSON of one traced node and its parts (absent members left out as serde's
/// `skip_serializing_if` leaves them out).
fn trace_node(out: &mut Vec<u8>, n: &crate::explain::TraceNode) {
    use crate::sanitize::write_json_str as text;
    out.extend_from_slice(b"{\"value\":\"");
    out.extend_from_slice(n.value.as_str().as_bytes());
    out.extend_from_slice(b"\",\"text\":");
    text(out, &n.text);
    for (key, value) in [
        (&b",\"question\":"[..], &n.question),
        (b",\"saw\":", &n.saw),
        (b",\"needed\":", &n.needed),
    ] {
        if let Some(value) = value {
            out.extend_from_slice(key);
            text(out, value);
        }
    }
    if !n.children.is_empty() {
        out.extend_from_slice(b",\"children\":");
        list(out, &n.children, trace_node);
    }
    out.push(b'}');
}

/// serde's compact JSON of one value, hidden characters escaped as everywhere else.
fn serde(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) {
    crate::sanitize::json_to_writer(&mut *out, value).expect("writing to memory");
}

impl<'a> JsonLine<'a> {
    /// Appends `s` as one compact JSON object, without a line break.
    pub fn write(&mut self, s: &Screening<'a>, out: &mut Vec<u8>) {
        out.push(b'{');
        self.write_members(s, out);
        out.push(b'}');
    }

    /// Appends the members of `s`'s JSON object (`"schema_version":…,…`), without braces,
    /// so that a caller can put its own members first.
    pub fn write_members(&mut self, s: &Screening<'a>, out: &mut Vec<u8>) {
        self.write_prefix(s, out);
        out.extend_from_slice(b"\"verdict\":\"");
        out.extend_from_slice(s.verdict.as_str().as_bytes());
        out.extend_from_slice(b"\",\"verdict_meaning\":");
        self.recent.write(out, &s.verdict_meaning);
        out.extend_from_slice(b",\"verdict_because\":");
        self.ids(out, &s.verdict_because);
        out.extend_from_slice(b",\"ink\":\"");
        out.extend_from_slice(s.ink.as_str().as_bytes());
        out.extend_from_slice(b"\",\"ink_because\":[");
        for (i, r) in s.ink_because.iter().enumerate() {
            comma(out, i);
            self.ink_reason(r, out);
        }
        out.extend_from_slice(b"],\"ink_conflict\":");
        out.extend_from_slice(bool_str(s.ink_conflict));
        out.extend_from_slice(b",\"provisional\":");
        out.extend_from_slice(bool_str(s.provisional));
        out.extend_from_slice(b",\"status\":\"");
        out.extend_from_slice(s.status.as_str().as_bytes());
        out.extend_from_slice(b"\",\"headline\":");
        self.recent.write(out, &s.headline);
        out.extend_from_slice(b",\"worst_case\":{\"verdict\":\"");
        out.extend_from_slice(s.worst_case.verdict.as_str().as_bytes());
        out.extend_from_slice(b"\",\"ink\":\"");
        out.extend_from_slice(s.worst_case.ink.as_str().as_bytes());
        // Pending rules and the wait before screening again are few and only in some
        // rows: serde writes them.
        out.extend_from_slice(b"\"},\"pending\":");
        serde_or(out, &s.pending, s.pending.is_empty(), b"[]");
        out.extend_from_slice(b",\"recheck_after\":");
        serde_or(out, &s.recheck_after, s.recheck_after.is_none(), b"null");
        out.extend_from_slice(b",\"risks\":[");
        for (i, r) in s.risks.iter().enumerate() {
            comma(out, i);
            self.risk(r, out);
        }
        out.extend_from_slice(b"],\"advice\":[");
        for (i, a) in s.advice.iter().enumerate() {
            comma(out, i);
            self.advice(a, out);
        }
        out.extend_from_slice(b"],\"fired\":[");
        for (i, f) in s.fired.iter().enumerate() {
            comma(out, i);
            self.fired(f, out);
        }
        out.extend_from_slice(b"],\"possible\":");
        serde_or(out, &s.possible, s.possible.is_empty(), b"[]");
        out.extend_from_slice(b",\"unanswered\":");
        self.ids(out, &s.unanswered);
        out.extend_from_slice(b",\"ignored\":");
        self.ids(out, &s.ignored);
        out.extend_from_slice(b",\"disclaimer\":");
        self.text(out, s.disclaimer);
        if let Some(explain) = &s.explain {
            out.extend_from_slice(b",\"explain\":");
            explanation(out, explain, &mut self.questions);
        }
        if let Some(what_if) = &s.what_if {
            out.extend_from_slice(b",\"what_if\":");
            serde(out, what_if);
        }
    }

    /// The members every result of one rulebook and audience begins with, made once.
    fn write_prefix(&mut self, s: &Screening<'a>, out: &mut Vec<u8>) {
        if self.prefix.as_ref().is_none_or(|(of, _)| !same_prefix(of, s)) {
            let made_of = (s.schema_version, s.tool.clone(), s.rulebook.clone(), s.audience);
            let mut bytes = format!("\"schema_version\":{},\"tool\":", s.schema_version).into_bytes();
            serde(&mut bytes, &s.tool);
            bytes.extend_from_slice(b",\"rulebook\":");
            serde(&mut bytes, &s.rulebook);
            bytes.extend_from_slice(b",\"audience\":");
            serde(&mut bytes, &s.audience);
            bytes.push(b',');
            self.prefix = Some((made_of, bytes));
        }
        if let Some((_, bytes)) = &self.prefix {
            out.extend_from_slice(bytes);
        }
    }

    /// A text borrowed from the rulebook, quoted and escaped (the first time only).
    fn text(&mut self, out: &mut Vec<u8>, text: &'a str) {
        out.extend_from_slice(
            self.escaped
                .get(address(text), |bytes| crate::sanitize::write_json_str(bytes, text)),
        );
    }

    /// `["id",…]`.
    fn ids(&mut self, out: &mut Vec<u8>, ids: &[&'a str]) {
        out.push(b'[');
        for (i, id) in ids.iter().enumerate() {
            comma(out, i);
            self.text(out, id);
        }
        out.push(b']');
    }

    /// One of the fixed parts of an item, made by `make` from up to three of its texts.
    fn part(&mut self, out: &mut Vec<u8>, kind: Part, texts: [&'a str; 3], make: fn(&mut Vec<u8>, [&str; 3])) {
        let key = (texts.map(address), kind as u8);
        out.extend_from_slice(self.parts.get(key, |bytes| make(bytes, texts)));
    }

    fn ink_reason(&mut self, r: &InkReason<'a>, out: &mut Vec<u8>) {
        self.part(
            out,
            Part::InkReason,
            [r.rule, r.effect, r.text],
            |bytes, [rule, effect, text]| {
                fields(
                    bytes,
                    &[(b"{\"rule\":", rule), (b",\"effect\":", effect), (b",\"text\":", text)],
                );
                bytes.push(b'}');
            },
        );
    }

    fn risk(&mut self, r: &RiskItem<'a>, out: &mut Vec<u8>) {
        self.part(out, Part::RiskHead, [r.id, r.title, ""], |bytes, [id, title, _]| {
            fields(bytes, &[(b"{\"id\":", id), (b",\"title\":", title)]);
            bytes.extend_from_slice(b",\"severity\":\"");
        });
        out.extend_from_slice(r.severity.as_str().as_bytes());
        self.part(out, Part::RiskText, [r.text, "", ""], |bytes, [text, ..]| {
            fields(bytes, &[(b"\",\"text\":", text)]);
            bytes.extend_from_slice(b",\"because\":");
        });
        self.ids(out, &r.because);
        out.push(b'}');
    }

    fn advice(&mut self, a: &AdviceItem<'a>, out: &mut Vec<u8>) {
        self.part(
            out,
            Part::AdviceHead,
            [a.id, a.title, a.text],
            |bytes, [id, title, text]| {
                fields(
                    bytes,
                    &[(b"{\"id\":", id), (b",\"title\":", title), (b",\"text\":", text)],
                );
                bytes.extend_from_slice(b",\"urgent\":");
            },
        );
        out.extend_from_slice(bool_str(a.urgent));
        out.extend_from_slice(b",\"because\":");
        self.ids(out, &a.because);
        out.push(b'}');
    }

    /// A fired rule: the same for every row it fires in, so written whole from the cache.
    fn fired(&mut self, f: &FiredRule<'a>, out: &mut Vec<u8>) {
        // No string is at address 0.
        let some = |t: Option<&str>| t.map_or((0, usize::MAX), address);
        let texts = [
            address(f.rule),
            address(f.title),
            address(f.summary),
            some(f.rationale),
            some(f.source),
        ];
        let values = (f.verdict.map_or(0, |v| v as u16 + 1) << 8) | f.evidence.map_or(0, |e| e as u16 + 1);
        let bytes = self.rules.get((texts, values), |bytes| {
            let text = |bytes: &mut Vec<u8>, t: Option<&str>| match t {
                Some(t) => crate::sanitize::write_json_str(bytes, t),
                None => bytes.extend_from_slice(b"null"),
            };
            fields(
                bytes,
                &[
                    (b"{\"rule\":", f.rule),
                    (b",\"title\":", f.title),
                    (b",\"summary\":", f.summary),
                ],
            );
            bytes.extend_from_slice(b",\"verdict\":");
            text(bytes, f.verdict.map(|v| v.as_str()));
            bytes.extend_from_slice(b",\"rationale\":");
            text(bytes, f.rationale);
            bytes.extend_from_slice(b",\"source\":");
            text(bytes, f.source);
            bytes.extend_from_slice(b",\"evidence\":");
            text(bytes, f.evidence.map(|e| e.as_str()));
            bytes.push(b'}');
        });
        out.extend_from_slice(bytes);
    }
}

/// A comma before every item but the first.
fn comma(out: &mut Vec<u8>, index: usize) {
    if index > 0 {
        out.push(b',');
    }
}

fn bool_str(b: bool) -> &'static [u8] {
    if b { b"true" } else { b"false" }
}

/// Escaped bytes by what they were made from, in an open-addressed table over one buffer,
/// as the lookup runs dozens of times a row: texts by their address and length, fired
/// rules by their fields' addresses and values. Every address is of a string borrowed for
/// `'a`, which nothing can change or free while the writer lives, so one key always stands
/// for the same bytes.
struct Escaped<K> {
    /// A power of two long (or empty), never more than half full.
    slots: Vec<Slot<K>>,
    used: usize,
    /// Every escaped text, one after another.
    bytes: Vec<u8>,
}

impl<K> Default for Escaped<K> {
    fn default() -> Self {
        Escaped {
            slots: Vec::new(),
            used: 0,
            bytes: Vec::new(),
        }
    }
}

/// A key and where its bytes are in `bytes`.
#[derive(Clone, Copy, Default)]
struct Slot<K> {
    key: K,
    start: usize,
    end: usize,
}

/// A key of [`Escaped`]: it begins with a text's address and length (address 0, which no
/// string has, marks a free slot).
trait Key: Copy + Default + PartialEq {
    /// The first text's address and length.
    fn text(&self) -> (usize, usize);
}

/// A text's address and length.
type TextKey = (usize, usize);

impl Key for TextKey {
    fn text(&self) -> (usize, usize) {
        *self
    }
}

/// A fired rule's texts (address and length of each; `(0, usize::MAX)` for none), with its
/// verdict and evidence.
type RuleKey = ([TextKey; 5], u16);

impl Key for RuleKey {
    fn text(&self) -> (usize, usize) {
        self.0[0]
    }
}

/// Which fixed part of an item a [`PartKey`] stands for.
#[derive(Clone, Copy)]
enum Part {
    /// A whole ink reason.
    InkReason = 1,
    /// A risk up to its severity.
    RiskHead,
    /// A risk's text, between its severity and its rules.
    RiskText,
    /// An advice up to its urgency.
    AdviceHead,
}

/// Up to three texts of an item (unused ones empty) and which [`Part`] they make.
type PartKey = ([TextKey; 3], u8);

impl Key for PartKey {
    fn text(&self) -> (usize, usize) {
        self.0[0]
    }
}

/// A text's address and length.
fn address(text: &str) -> TextKey {
    (text.as_ptr() as usize, text.len())
}

impl<K: Key> Escaped<K> {
    /// The bytes of `key`, made by `make` the first time they are asked for.
    fn get(&mut self, key: K, make: impl FnOnce(&mut Vec<u8>)) -> &[u8] {
        if self.used * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::home(&key, mask);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return &self.bytes[slot.start..slot.end];
            }
            if slot.key.text().0 == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        let start = self.bytes.len();
        make(&mut self.bytes);
        let end = self.bytes.len();
        self.slots[i] = Slot { key, start, end };
        self.used += 1;
        &self.bytes[start..end]
    }

    /// The first slot to look in (Fibonacci hashing of the first text's address and
    /// length; keys that share it are told apart by the rest).
    fn home(key: &K, mask: usize) -> usize {
        let (addr, len) = key.text();
        let h = (addr as u64 ^ (len as u64).rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 32) as usize & mask
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.key.text().0 != 0) {
            let mut i = Self::home(&slot.key, mask);
            while self.slots[i].key.text().0 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }
}

/// The last few texts made for a row and their escaped forms. A result's meaning and
/// headline are worded anew for every row but take only a few values (four verdicts, two
/// voices, complete or not): comparing one with the last few is quicker than escaping it.
#[derive(Default)]
struct Recent {
    /// At most [`Recent::KEPT`] texts, the newest last.
    kept: Vec<(String, Vec<u8>)>,
}

impl Recent {
    const KEPT: usize = 16;

    /// Appends `text` quoted and escaped.
    fn write(&mut self, out: &mut Vec<u8>, text: &str) {
        if let Some((_, escaped)) = self.kept.iter().find(|(t, _)| t == text) {
            out.extend_from_slice(escaped);
            return;
        }
        let mut escaped = Vec::with_capacity(text.len() + 2);
        serde(&mut escaped, text);
        out.extend_from_slice(&escaped);
        if self.kept.len() == Self::KEPT {
            self.kept.remove(0);
        }
        self.kept.push((text.to_owned(), escaped));
    }
}
