//! A fast reading of the common answer row, straight from bytes into reused slots.
//!
//! Batch screening reads millions of rows that are plain, valid JSON objects with valid
//! answers. This reader accepts exactly such a row, in a subset of JSON it can read with no
//! allocation: one object whose keys and string values have no escapes, whose values are
//! `null`, `true`, `false`, short numbers, option strings or lists of option strings. On
//! anything else — a syntax error, an escape, a long or exotic number, a nested value, an
//! unknown or repeated question, a wrong answer — it gives up, and the caller reads the
//! row again with the full parser (`json.rs`), which finds every problem and words it. So
//! an accepted row gets exactly the slots the full parser would give it, and a refused one
//! gets exactly its errors: this reader never words an error of its own.
//!
//! Numbers are taken only when the full parser is sure to give the same double: at most 15
//! digits (so the digits are an exact integer) and a power of ten of at most 22 (exact
//! too), where one multiplication or division is correctly rounded however it is done.

use super::{Answers, Slot, Value, check_number, option_index};
use crate::rulebook::{QuestionKind, Rulebook};
use crate::sanitize::first_json_special;

/// What the fast reader keeps from one row to read the next faster. Batch rows nearly
/// always give their keys in the same order, so the key after a question's is looked for
/// first where it was in the row before: a byte comparison instead of scanning the key and
/// hashing it. A guess is only ever compared, never trusted: a wrong one costs the
/// comparison, and the key is then read as usual.
#[derive(Debug, Default, Clone)]
pub struct KeyHints {
    /// The rulebook these hints were learnt on (the address of its questions).
    questions_at: usize,
    /// For each question, and last for the start of a row, the question whose key came
    /// next in the last row read (`u32::MAX` when none has been seen).
    next: Vec<u32>,
}

impl KeyHints {
    /// Fits the hints to `rulebook`, forgetting what was learnt on another.
    fn fit(&mut self, rulebook: &Rulebook) {
        let at = rulebook.questions.as_ptr() as usize;
        // Only a guess depends on these, and a guess is checked against the key's bytes,
        // so a rulebook met at another's address costs at most some wrong guesses.
        if self.questions_at != at || self.next.len() != rulebook.questions.len() + 1 {
            self.questions_at = at;
            self.next.clear();
            self.next.resize(rulebook.questions.len() + 1, u32::MAX);
        }
    }
}

/// Why the fast reading stopped: the row needs the full parser.
pub(super) struct GiveUp;

type Step<T> = Result<T, GiveUp>;

/// Reads `text` into `answers` (which must hold no answers yet) and the carried keys'
/// values into `carried` (one slot per key in `carry`, already cleared). `Err` when the row
/// is not one this reader takes; `answers` and `carried` may then be partly filled.
pub(super) fn parse_into(
    rulebook: &Rulebook,
    text: &str,
    answers: &mut Answers,
    carry: &[String],
    carried: &mut [Option<String>],
    hints: &mut KeyHints,
) -> Step<()> {
    hints.fit(rulebook);
    let mut p = Cursor {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    p.skip_space();
    p.expect(b'{')?;
    p.skip_space();
    // Where the last key was (the row's start at first), for the hint of the next.
    let mut last = rulebook.questions.len();
    if p.peek() == Some(b'}') {
        p.at += 1;
    } else {
        loop {
            p.skip_space();
            let guess = hints.next[last];
            let q = match p.key_is(rulebook, guess, carry)? {
                Some(q) => q,
                None => {
                    let key = p.string()?;
                    p.skip_space();
                    p.expect(b':')?;
                    p.skip_space();
                    if let Some(c) = carry.iter().position(|k| k == key) {
                        carried[c] = p.carried_value()?;
                        p.skip_space();
                        match p.next() {
                            Some(b',') => continue,
                            Some(b'}') => break,
                            _ => return Err(GiveUp),
                        }
                    }
                    let q = rulebook.question_index(key).ok_or(GiveUp)?;
                    hints.next[last] = q as u32;
                    q
                }
            };
            last = q;
            // Only an answer read whole fills a slot, so a filled slot is a repeat.
            if !matches!(answers.slot(q), Slot::Missing) {
                return Err(GiveUp);
            }
            let slot = p.answer(rulebook, q)?;
            answers.set(q, slot);
            p.skip_space();
            match p.next() {
                Some(b',') => continue,
                Some(b'}') => break,
                _ => return Err(GiveUp),
            }
        }
    }
    p.skip_space();
    if p.at == p.bytes.len() { Ok(()) } else { Err(GiveUp) }
}

struct Cursor<'t> {
    bytes: &'t [u8],
    text: &'t str,
    at: usize,
}

/// The option `value` names, as `option_index` finds it: most rows give options by their
/// exact value, found here without a call per comparison; any other text is left to
/// `option_index`, which also matches labels and ignores case and spaces.
#[inline]
fn option(question: &crate::rulebook::Question, value: &str) -> Step<usize> {
    match question
        .options
        .iter()
        .position(|o| same_bytes(o.value.as_bytes(), value.as_bytes()))
    {
        Some(i) => Ok(i),
        None => option_index(question, value).map_err(|_| GiveUp),
    }
}

/// Whether two short byte strings are equal, compared eight bytes at a time in place: ids
/// and option values are short, and the C library's `memcmp` called for each comparison
/// was a tenth of a batch row's time.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
    if (&mut x).zip(&mut y).any(|(p, q)| word(p) != word(q)) {
        return false;
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// Exact powers of ten as doubles: 10^22 is the largest a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

impl<'t> Cursor<'t> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    #[inline]
    fn expect(&mut self, b: u8) -> Step<()> {
        if self.next() == Some(b) { Ok(()) } else { Err(GiveUp) }
    }

    /// JSON's four whitespace bytes.
    #[inline]
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// A string without escapes or control characters, borrowed from the text.
    #[inline]
    fn string(&mut self) -> Step<&'t str> {
        self.expect(b'"')?;
        let start = self.at;
        let end = start + first_json_special::<false>(&self.bytes[start..]).ok_or(GiveUp)?;
        if self.bytes[end] != b'"' {
            return Err(GiveUp);
        }
        self.at = end + 1;
        // Both ends are ASCII quotes, so the slice is on character boundaries.
        Ok(&self.text[start..end])
    }

    /// Whether the key here is question `guess`'s id, followed by its colon: then the
    /// cursor moves past the colon. The id was learnt from a key read whole (so it has no
    /// quote, backslash or control character, and the bytes compared are the whole key),
    /// and a key that is also a carried column's is left to the usual reading, which
    /// carries it.
    #[inline]
    fn key_is(&mut self, rulebook: &Rulebook, guess: u32, carry: &[String]) -> Step<Option<usize>> {
        let Some(question) = rulebook.questions.get(guess as usize) else {
            return Ok(None);
        };
        let id = question.id.as_bytes();
        let rest = &self.bytes[self.at..];
        let whole = rest.len() > id.len() + 1
            && rest[0] == b'"'
            && same_bytes(&rest[1..=id.len()], id)
            && rest[id.len() + 1] == b'"';
        if !whole || carry.iter().any(|k| k.as_bytes() == id) {
            return Ok(None);
        }
        self.at += id.len() + 2;
        self.skip_space();
        self.expect(b':')?;
        self.skip_space();
        Ok(Some(guess as usize))
    }

    /// `true`, `false` or `null`, spelt out whole.
    fn word(&mut self, word: &[u8]) -> Step<()> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// A number the full parser reads to the same double (see the module's comment).
    fn number(&mut self) -> Step<f64> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut digits = 0u32;
        let mut significand = 0u64;
        fn digit(c: u8, digits: &mut u32, significand: &mut u64) {
            *digits += 1;
            *significand = *significand * 10 + u64::from(c - b'0');
        }
        match self.next() {
            Some(b'0') => {
                digit(b'0', &mut digits, &mut significand);
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(GiveUp);
                }
            }
            Some(c @ b'1'..=b'9') => {
                digit(c, &mut digits, &mut significand);
                while let Some(c @ b'0'..=b'9') = self.peek() {
                    if digits == 15 {
                        return Err(GiveUp);
                    }
                    digit(c, &mut digits, &mut significand);
                    self.at += 1;
                }
            }
            _ => return Err(GiveUp),
        }
        let mut exponent = 0i32;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.at += 1;
            let before = digits;
            while let Some(c @ b'0'..=b'9') = self.peek() {
                if digits == 15 {
                    return Err(GiveUp);
                }
                digit(c, &mut digits, &mut significand);
                exponent -= 1;
                self.at += 1;
            }
            if digits == before {
                return Err(GiveUp);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.at += 1;
            let minus = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let (mut written, mut count) = (0i32, 0);
            while let Some(c @ b'0'..=b'9') = self.peek() {
                if count == 3 {
                    return Err(GiveUp);
                }
                written = written * 10 + i32::from(c - b'0');
                count += 1;
                self.at += 1;
            }
            if count == 0 {
                return Err(GiveUp);
            }
            exponent += if minus { -written } else { written };
        }
        let magnitude = significand as f64;
        if integer {
            // serde_json reads `-0` as the double -0 and other integers exactly.
            return Ok(if negative { -magnitude } else { magnitude });
        }
        let scale = *POW10.get(exponent.unsigned_abs() as usize).ok_or(GiveUp)?;
        let x = if exponent >= 0 {
            magnitude * scale
        } else {
            magnitude / scale
        };
        Ok(if negative { -x } else { x })
    }

    /// The answer to question `q`, if it is one and fits the question.
    fn answer(&mut self, rulebook: &Rulebook, q: usize) -> Step<Slot> {
        let question = &rulebook.questions[q];
        let value = match (self.peek().ok_or(GiveUp)?, question.kind) {
            (b'n', _) => {
                self.word(b"null")?;
                return Ok(Slot::DontKnow);
            }
            (b't', QuestionKind::YesNo) => {
                self.word(b"true")?;
                Value::Bool(true)
            }
            (b'f', QuestionKind::YesNo) => {
                self.word(b"false")?;
                Value::Bool(false)
            }
            (b'-' | b'0'..=b'9', QuestionKind::Number) => {
                let x = self.number()?;
                Value::Number(check_number(question, x).map_err(|_| GiveUp)?)
            }
            (b'"', QuestionKind::Single) => {
                let s = self.string()?;
                let i = option(question, s)?;
                Value::Choice(i as u16)
            }
            (b'[', QuestionKind::Multiple) => {
                self.at += 1;
                self.skip_space();
                let mut mask = 0u64;
                if self.peek() == Some(b']') {
                    self.at += 1;
                } else {
                    loop {
                        self.skip_space();
                        let s = self.string()?;
                        // `tick`: a repeated option is an error the general parser words.
                        let bit = 1u64 << option(question, s)?;
                        if mask & bit != 0 {
                            return Err(GiveUp);
                        }
                        mask |= bit;
                        self.skip_space();
                        match self.next() {
                            Some(b',') => continue,
                            Some(b']') => break,
                            _ => return Err(GiveUp),
                        }
                    }
                }
                // `check_ticks`, which the general parser words the errors of.
                let exclusive = question.exclusive_mask();
                let lone_combined = mask & exclusive != 0 && mask.count_ones() > 1;
                if lone_combined || (mask == 0 && exclusive != 0) {
                    return Err(GiveUp);
                }
                Value::Multi(mask)
            }
            _ => return Err(GiveUp),
        };
        Ok(Slot::Given(value))
    }

    /// A carried key's value as the full parser keeps it: strings, numbers and booleans as
    /// text, `null` as nothing. Lists and objects are left to the full parser.
    fn carried_value(&mut self) -> Step<Option<String>> {
        Ok(match self.peek().ok_or(GiveUp)? {
            b'"' => Some(self.string()?.to_owned()),
            b'n' => {
                self.word(b"null")?;
                None
            }
            b't' => {
                self.word(b"true")?;
                Some("true".to_owned())
            }
            b'f' => {
                self.word(b"false")?;
                Some("false".to_owned())
            }
            b'-' | b'0'..=b'9' => super::raw::Raw::Number(self.number()?).as_text(),
            _ => return Err(GiveUp),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::same_bytes;

    #[test]
    fn short_strings_compare_as_slices_do() {
        let texts: Vec<Vec<u8>> = (0..20)
            .flat_map(|len| {
                [
                    vec![b'a'; len],
                    (0..len as u8).collect(),
                    (0..len as u8).rev().collect(),
                ]
            })
            .collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
                for at in 0..b.len() {
                    let mut c = b.clone();
                    c[at] ^= 1;
                    assert_eq!(same_bytes(a, &c), *a == c, "{a:?} {c:?}");
                }
            }
        }
    }
}
