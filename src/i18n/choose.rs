//! Which language to use: the one asked for with `--lang`, else the system's (the
//! `LC_ALL`, `LC_MESSAGES` and `LANG` variables in that order, as POSIX reads them, then
//! the operating system's setting), else English.

/// A language code from a POSIX locale name: `it_IT.UTF-8@euro` → `it-IT`; `None` for
/// the plain `C` and `POSIX` locales and for what is not a language.
pub fn from_locale_name(name: &str) -> Option<String> {
    let name = name.trim();
    let name = name.split(['.', '@']).next().unwrap_or(name);
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    let tag = name.replace('_', "-");
    let id: unic_langid::LanguageIdentifier = tag.parse().ok()?;
    (id.language.as_str() != "und").then(|| id.to_string())
}

/// The system's language, reading variables through `var` (so tests can give their own):
/// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides; when
/// none is set, the operating system's setting (`sys-locale`) when `use_os` is true.
pub fn system_language(var: impl Fn(&str) -> Option<String>, use_os: bool) -> Option<String> {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name).filter(|v| !v.trim().is_empty()) {
            return from_locale_name(&value);
        }
    }
    if use_os {
        return sys_locale::get_locale().and_then(|l| from_locale_name(&l));
    }
    None
}

/// The code among `available` that `wanted` names: the same code in any case, or else its
/// base language (`it-IT` → `it`).
pub fn resolve<'a>(wanted: &str, available: &[&'a str]) -> Option<&'a str> {
    let wanted = wanted.replace('_', "-");
    if let Some(found) = available.iter().find(|a| a.eq_ignore_ascii_case(&wanted)) {
        return Some(found);
    }
    let base = wanted.split('-').next().unwrap_or(&wanted);
    available.iter().find(|a| a.eq_ignore_ascii_case(base)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locale_names_give_their_language() {
        assert_eq!(from_locale_name("it_IT.UTF-8").as_deref(), Some("it-IT"));
        assert_eq!(from_locale_name("es_ES.UTF-8@euro").as_deref(), Some("es-ES"));
        assert_eq!(from_locale_name("it").as_deref(), Some("it"));
        assert_eq!(from_locale_name("C.UTF-8"), None);
        assert_eq!(from_locale_name("POSIX"), None);
        assert_eq!(from_locale_name(""), None);
        assert_eq!(from_locale_name("!!"), None);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned())
        };
        let all = env(&[("LC_ALL", "es_ES.UTF-8"), ("LC_MESSAGES", "it_IT"), ("LANG", "en_GB")]);
        assert_eq!(system_language(all, false).as_deref(), Some("es-ES"));
        let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "it_IT"), ("LANG", "en_GB")]);
        assert_eq!(system_language(messages, false).as_deref(), Some("it-IT"));
        let lang = env(&[("LANG", "it_IT.UTF-8")]);
        assert_eq!(system_language(lang, false).as_deref(), Some("it-IT"));
        // A set variable decides even when it names no language: C means English.
        let c = env(&[("LC_ALL", "C"), ("LANG", "it_IT.UTF-8")]);
        assert_eq!(system_language(c, false), None);
        assert_eq!(system_language(env(&[]), false), None);
    }

    #[test]
    fn a_regional_code_falls_back_to_its_language() {
        let available = ["en", "es", "it"];
        assert_eq!(resolve("it-IT", &available), Some("it"));
        assert_eq!(resolve("IT", &available), Some("it"));
        assert_eq!(resolve("es_MX", &available), Some("es"));
        assert_eq!(resolve("fr", &available), None);
        assert_eq!(resolve("pt-BR", &["pt-BR", "pt"]), Some("pt-BR"));
    }
}
