//! The JSON format: the [`Screening`](super::Screening) as the documented contract.

use super::{Context, Report};
use std::io;

/// Pretty-printed JSON, one document.
pub struct Json;

impl Report for Json {
    fn render(&self, cx: &Context, out: &mut dyn io::Write) -> io::Result<()> {
        crate::sanitize::json_to_writer_pretty(&mut *out, cx.screening)?;
        writeln!(out)
    }
}
