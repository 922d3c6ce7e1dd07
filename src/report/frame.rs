//! What ties a printed result to one patient and one occasion, beside the result itself:
//! the label the consultant chose and the date of the screening. Nothing identifying is
//! stored: the handout leaves lines for the name and date of birth to be written by hand.

/// The frame of a handout or of notes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Frame<'a> {
    /// The label chosen for the screening, such as a case number.
    pub label: Option<&'a str>,
    /// The day of the screening (`YYYY-MM-DD`); today when `None`.
    pub screened_on: Option<&'a str>,
    /// When re-printed from a saved record: the time the record was made.
    pub reprinted_from: Option<&'a str>,
}

impl Frame<'_> {
    /// The day of the screening, today unless the frame says otherwise.
    pub fn day(&self) -> String {
        match self.screened_on {
            Some(d) => d.to_owned(),
            None => crate::date::Date::today().to_string(),
        }
    }

    /// The day of the screening written the local way (`2 dicembre 2026` in Italian); a
    /// day that is not a `YYYY-MM-DD` date is shown as given.
    pub fn day_written(&self, words: crate::i18n::Words) -> String {
        crate::words::written_iso(words, &self.day())
    }
}

/// A format that can print a frame around its result.
pub trait Framed {
    /// Writes the result inside `frame`.
    fn render_framed(&self, cx: &super::Context, frame: &Frame, out: &mut dyn std::io::Write) -> std::io::Result<()>;
}

/// A framed format with its frame, as a [`super::Report`].
pub struct WithFrame<'f, R>(pub R, pub Frame<'f>);

impl<R: Framed> super::Report for WithFrame<'_, R> {
    fn render(&self, cx: &super::Context, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.0.render_framed(cx, &self.1, out)
    }
}
