//! The frame shared by smp-screen's HTML pages (the printed intake form and the result
//! handout): one self-contained file, no external resources, readable when printed in
//! black and white.

use crate::sanitize::html as esc;
use std::io::{self, Write};

/// Type, spacing and print rules common to every page.
pub const BASE_STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #444; margin-top: 2rem; }
.meta { color: #444; font-size: .9rem; }
.disclaimer { border: 1px solid #111; padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; } th, td { border: 1px solid #666; padding: .25rem .35rem; vertical-align: top; text-align: left; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: .85em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
";

/// Opens an English page: doctype, title, the base style and the page's own.
pub fn head(out: &mut dyn Write, title: &str, style: &str) -> io::Result<()> {
    head_in(out, "en", title, style)
}

/// Opens a page in language `lang` (a BCP 47 code, so screen readers, hyphenation and
/// spelling follow it).
pub fn head_in(out: &mut dyn Write, lang: &str, title: &str, style: &str) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{BASE_STYLE}{style}</style>\n</head>\n<body>",
        esc(lang),
        esc(title)
    )
}

/// Closes a page.
pub fn tail(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</body>\n</html>")
}
