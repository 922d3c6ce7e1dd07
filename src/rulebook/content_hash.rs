//! The content hash a clinical review records (`reviewed_hash`).
//!
//! It cannot be the files' own SHA-256: the hash is written into the identity, so writing it
//! would change it. It therefore leaves out what recording a review changes (the identity's
//! `status`, `reviewed_by`, `reviewed_on`, `reviewed_hash` and `review_due`) and what no
//! reader sees (each file's `$schema` line, whitespace, key order, file names). Everything
//! else counts: any edit to a question, option, rule, text, the title, version or
//! disclaimer, and the order of the files (it is the order of the questions).

use super::SourceFile;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Identity fields that recording a review sets, left out of the hash.
pub const REVIEW_FIELDS: [&str; 5] = ["status", "reviewed_by", "reviewed_on", "reviewed_hash", "review_due"];

/// The content hash of a rulebook's files, in lowercase hex; `None` when a file is not JSON.
pub fn content_hash(files: &[SourceFile]) -> Option<String> {
    let mut hasher = Sha256::new();
    let mut text = String::new();
    for file in files {
        let mut doc: Value = serde_json::from_str(&file.text).ok()?;
        if let Value::Object(map) = &mut doc {
            map.remove("$schema");
            if let Some(Value::Object(identity)) = map.get_mut("rulebook") {
                for field in REVIEW_FIELDS {
                    identity.remove(field);
                }
            }
        }
        text.clear();
        canonical(&doc, &mut text);
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    Some(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Compact JSON with object keys sorted, whatever order the map keeps them in.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(&map[k], out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            name: "x.json".into(),
            text: text.into(),
        }
    }

    #[test]
    fn review_fields_layout_and_schema_do_not_count() {
        let a = content_hash(&[file(r#"{"rulebook": {"id": "a", "status": "draft"}, "rules": [1, 2]}"#)]);
        let b = content_hash(&[file(
            r#"{"$schema": "s.json", "rules": [1,2],
                "rulebook": {"reviewed_hash": "ff", "id": "a", "status": "reviewed", "reviewed_by": "Dr B",
                             "reviewed_on": "2027-01-01", "review_due": "2028-01-01"}}"#,
        )]);
        assert_eq!(a, b);
    }

    #[test]
    fn any_other_edit_counts() {
        let base = content_hash(&[file(r#"{"rulebook": {"id": "a"}, "rules": [1, 2]}"#)]);
        for edited in [
            r#"{"rulebook": {"id": "b"}, "rules": [1, 2]}"#,
            r#"{"rulebook": {"id": "a"}, "rules": [2, 1]}"#,
            r#"{"rulebook": {"id": "a"}, "rules": [1, 2], "advice": []}"#,
        ] {
            assert_ne!(base, content_hash(&[file(edited)]), "{edited}");
        }
        let split = content_hash(&[file(r#"{"rules": [1]}"#), file(r#"{"rules": [2]}"#)]);
        let swapped = content_hash(&[file(r#"{"rules": [2]}"#), file(r#"{"rules": [1]}"#)]);
        assert_ne!(split, swapped);
    }
}
