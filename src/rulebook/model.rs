//! The rulebook file format: serde types mirroring the JSON a rule author edits.
//!
//! These types are deliberately close to the file (strings for references, optional
//! fields where an author may leave something out) so that parse errors point at the
//! author's own words. `compile` turns them into the indexed form the engine runs.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// One rulebook file; a rulebook is one file or several merged in name order.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulebookFile {
    /// Path or URL of the JSON Schema, for editors; ignored by the engine.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The rulebook's identity; exactly one file of a rulebook carries it.
    #[serde(default)]
    pub rulebook: Option<Identity>,
    /// Questions, in the order they are asked.
    #[serde(default)]
    pub questions: Vec<QuestionDoc>,
    /// Named sums of option scores (for example a questionnaire total).
    #[serde(default)]
    pub scores: Vec<ScoreDoc>,
    /// Named derived facts that rules set and conditions test.
    #[serde(default)]
    pub facts: Vec<FactDoc>,
    /// The rules.
    #[serde(default)]
    pub rules: Vec<RuleDoc>,
    /// The risk catalogue.
    #[serde(default)]
    pub risks: Vec<RiskDoc>,
    /// The advice catalogue.
    #[serde(default)]
    pub advice: Vec<AdviceDoc>,
    /// Safety properties `rules prove` checks over every possible answer set.
    #[serde(default)]
    pub invariants: Vec<InvariantDoc>,
}

/// Who wrote and reviewed the rulebook, and which version it is.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = {"properties": {"status": {"const": "reviewed"}}, "required": ["status"]},
    "then" = {"required": ["reviewed_by", "reviewed_on", "reviewed_hash"]}
))]
pub struct Identity {
    /// Stable identifier, such as `smp-default`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Semantic version (`MAJOR.MINOR.PATCH`), bumped on every change.
    pub version: String,
    /// `draft` until a clinician has reviewed the clinical content, then `reviewed`.
    /// A rulebook that does not say is a draft: review is never assumed.
    #[serde(default)]
    pub status: ReviewStatus,
    /// Who reviewed the clinical content (required when `reviewed`).
    #[serde(default)]
    pub reviewed_by: Option<String>,
    /// When it was reviewed (`YYYY-MM-DD`; required when `reviewed`).
    #[serde(default)]
    pub reviewed_on: Option<String>,
    /// The content hash the review saw (`smp-screen rules check` prints it; required when
    /// `reviewed`). The hash leaves out the review fields themselves, so recording a review
    /// does not change it, while any edit to questions, rules or texts does.
    #[serde(default)]
    pub reviewed_hash: Option<String>,
    /// When the next review is due (`YYYY-MM-DD`).
    pub review_due: String,
    /// Text shown with every result: a screening aid, not medical advice.
    pub disclaimer: String,
    /// Optional longer description for printed forms.
    #[serde(default)]
    pub description: Option<String>,
    /// The version and the content hash it was given to, so `rules check` can tell when
    /// the content changed but the version did not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_hash: Option<VersionHash>,
    /// Languages the rulebook ships translations for besides English (BCP 47 codes such
    /// as `it` or `es`), each in `locales/CODE.json` beside the rulebook; `rules check
    /// --lang CODE` fails while any text of a declared language is missing or stale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
}

/// A version with the content hash it names: SHA-256 over each file's name and compacted
/// JSON, leaving out `version_hash` itself (`rules check` prints the hash to record).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionHash {
    /// The version this hash was recorded for.
    pub version: String,
    /// The content hash at that version, as `rules check --format json` prints it.
    pub sha256: String,
}

/// Whether a clinician has reviewed a rulebook's clinical content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Written but not yet reviewed by a clinician.
    #[default]
    Draft,
    /// Reviewed by a clinician (`reviewed_by`, `reviewed_on` and `reviewed_hash` say who,
    /// when and which content).
    Reviewed,
}

impl ReviewStatus {
    /// The identifier used in JSON and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "draft",
            ReviewStatus::Reviewed => "reviewed",
        }
    }
}

/// Whether a question's answer is something the person decides or a fact about them.
///
/// Only choices are ever offered to a patient as "what would change this": a different
/// answer about one's body, health or history is not a lever, and suggesting one coaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerIs {
    /// Something the person decides: goals, permanence, keeping hair short, aftercare.
    Choice,
    /// Something about the person: age, skin, hair, scars, health, history.
    Fact,
}

impl AnswerIs {
    /// The identifier used in rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerIs::Choice => "choice",
            AnswerIs::Fact => "fact",
        }
    }
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one option.
    Single,
    /// Any number of options (an `exclusive` option such as `none` stands alone).
    Multiple,
    /// Yes or no.
    YesNo,
    /// A number, optionally bounded and whole.
    Number,
}

/// A question as written in the file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionDoc {
    /// Identifier used in answers and conditions.
    pub id: String,
    /// Answer kind.
    pub kind: QuestionKind,
    /// Whether the answer is a choice the person makes or a fact about them (required;
    /// `rules check` names a question without it).
    // Optional to serde so that the error can name the question; required in the schema.
    #[schemars(required, with = "AnswerIs")]
    pub answer_is: Option<AnswerIs>,
    /// Optional heading that groups questions in forms and the interview.
    #[serde(default)]
    pub section: Option<String>,
    /// A short name for summaries, reviews and forms, such as "Keloid history".
    #[serde(default)]
    pub short: Option<String>,
    /// Wording for the patient.
    pub prompt: String,
    /// Wording for the consultant, when it differs.
    #[serde(default)]
    pub prompt_consultant: Option<String>,
    /// Why the question is asked, in plain words.
    pub help: String,
    /// Why the question is asked, in clinical terms.
    #[serde(default)]
    pub help_consultant: Option<String>,
    /// Options of a single or multiple choice question.
    #[serde(default)]
    pub options: Vec<OptionDoc>,
    /// Smallest accepted number.
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest accepted number.
    #[serde(default)]
    pub max: Option<f64>,
    /// Whether a number must be whole.
    #[serde(default)]
    pub integer: bool,
    /// Unit shown beside a number, such as `years`.
    #[serde(default)]
    pub unit: Option<String>,
    /// Skip logic: the question applies only when this holds.
    #[serde(default)]
    pub ask_if: Option<ConditionDoc>,
    /// A trait the person cannot change (age, skin type): never suggested as a change to a patient.
    #[serde(default)]
    pub fixed: bool,
}

/// One option of a choice question.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionDoc {
    /// Value used in answers and conditions.
    pub value: String,
    /// Label for the patient.
    pub label: String,
    /// Label for the consultant, when it differs.
    #[serde(default)]
    pub label_consultant: Option<String>,
    /// A short explanation of the option.
    #[serde(default)]
    pub help: Option<String>,
    /// For multiple choice: this option excludes all others (such as `none`).
    #[serde(default)]
    pub exclusive: bool,
    /// A colour (`#rrggbb`) shown beside the option where colour helps (skin, hair).
    #[serde(default)]
    pub swatch: Option<String>,
    /// Points this option adds to every score that lists its question.
    #[serde(default)]
    pub score: Option<f64>,
    /// Offer the option only when this holds (the engine still accepts it).
    #[serde(default)]
    pub show_if: Option<ConditionDoc>,
    /// A state a person cannot move to (such as "no transplant" after one): never
    /// suggested to a patient as a change.
    #[serde(default)]
    pub fixed: bool,
}

/// A named score: the sum of the chosen options' points over several questions.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreDoc {
    /// Identifier used in conditions.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Single-choice questions whose options carry a `score`.
    pub items: Vec<String>,
    /// Where the scoring comes from.
    #[serde(default)]
    pub description: Option<String>,
}

/// A named derived fact: true when any rule that derives it fires.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactDoc {
    /// Identifier used in conditions and in rules' `derive`.
    pub id: String,
    /// What the fact means, in words.
    pub description: String,
}

/// A verdict, ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing in the answers argues against SMP.
    Suitable,
    /// SMP may suit, with conditions.
    Caution,
    /// See a physician first.
    Refer,
    /// SMP is not advisable now.
    Unsuitable,
}

impl Verdict {
    /// All verdicts, least severe first.
    pub const ALL: [Verdict; 4] = [Verdict::Suitable, Verdict::Caution, Verdict::Refer, Verdict::Unsuitable];

    /// The identifier used in JSON and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Suitable => "suitable",
            Verdict::Caution => "caution",
            Verdict::Refer => "refer",
            Verdict::Unsuitable => "unsuitable",
        }
    }
}

/// One of the two inks a rule can forbid or prefer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InkKind {
    /// Fading pigment designed to be absorbed over a few years.
    Temporary,
    /// Conventional SMP pigment that fades but does not disappear.
    Permanent,
}

impl InkKind {
    /// The identifier used in JSON and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            InkKind::Temporary => "temporary",
            InkKind::Permanent => "permanent",
        }
    }
}

/// How strong the evidence behind a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Peer-reviewed studies, textbooks, health authorities.
    Clinical,
    /// Physicians' and practitioners' reported experience.
    Practitioner,
    /// Claims from pages whose main job is selling.
    Marketing,
    /// Reasoned from the sources, not stated by them.
    Inference,
}

impl Evidence {
    /// The identifier used in JSON and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Clinical => "clinical",
            Evidence::Practitioner => "practitioner",
            Evidence::Marketing => "marketing",
            Evidence::Inference => "inference",
        }
    }
}

/// How serious a risk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing.
    Low,
    /// Worth planning for.
    Medium,
    /// Could cause lasting harm or regret.
    High,
}

impl Severity {
    /// The identifier used in JSON and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// A rule as written in the file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    /// Identifier shown in traces.
    pub id: String,
    /// Short clinical title.
    pub title: String,
    /// The rule's conclusion in plain words for a patient.
    #[serde(default)]
    pub summary: Option<String>,
    /// When the rule fires.
    pub when: ConditionDoc,
    /// The verdict this rule raises the result to.
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// Constraints on the ink.
    #[serde(default)]
    pub ink: Option<InkEffectDoc>,
    /// Risks to report (an id, or an id with a severity that overrides the catalogue's).
    #[serde(default)]
    pub risks: Vec<RiskRefDoc>,
    /// Advice to give (ids from the advice catalogue).
    #[serde(default)]
    pub advice: Vec<String>,
    /// Derived facts this rule makes true when it fires.
    #[serde(default)]
    pub derive: Vec<String>,
    /// Why the rule exists, paraphrased from its source.
    #[serde(default)]
    pub rationale: Option<String>,
    /// Where the reasoning comes from.
    #[serde(default)]
    pub source: Option<String>,
    /// How strong that source is.
    #[serde(default)]
    pub evidence: Option<Evidence>,
    /// For a time-bound reason (a fresh scar, a recent transplant): how long until a new
    /// screening can decide differently.
    #[serde(default)]
    pub recheck_after: Option<RecheckDoc>,
}

/// A waiting time as written: `{"months": 6}` or `{"weeks": 4}` (exactly one key).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1, "maxProperties" = 1))]
pub struct RecheckDoc {
    /// Whole months.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub months: Option<u32>,
    /// Whole weeks.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub weeks: Option<u32>,
}

/// A rule's constraints on the ink.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InkEffectDoc {
    /// Inks this rule rules out.
    #[serde(default)]
    pub forbid: Vec<InkKind>,
    /// The ink this rule leans towards when both remain allowed.
    #[serde(default)]
    pub prefer: Option<InkKind>,
}

/// A risk named by a rule: `"keloid"` or `{"id": "keloid", "severity": "high"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRefDoc {
    /// Risk id from the catalogue.
    pub id: String,
    /// Severity overriding the catalogue default for this rule.
    pub severity: Option<Severity>,
}

impl JsonSchema for RiskRefDoc {
    fn schema_name() -> Cow<'static, str> {
        "RiskRef".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A risk id from the catalogue, or an id with a severity that overrides the catalogue's for this rule.",
            "oneOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "severity": generator.subschema_for::<Severity>()},
                    "required": ["id"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for RiskRefDoc {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RiskRefVisitor;
        impl<'de> Visitor<'de> for RiskRefVisitor {
            type Value = RiskRefDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a risk id such as "keloid", or {"id": "keloid", "severity": "high"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RiskRefDoc, E> {
                Ok(RiskRefDoc {
                    id: v.to_owned(),
                    severity: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RiskRefDoc, A::Error> {
                let mut id = None;
                let mut severity = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "id" if id.is_none() => id = Some(map.next_value::<String>()?),
                        "severity" if severity.is_none() => severity = Some(map.next_value::<Severity>()?),
                        "id" | "severity" => return Err(de::Error::duplicate_field("id")),
                        other => return Err(de::Error::unknown_field(other, &["id", "severity"])),
                    }
                }
                let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
                Ok(RiskRefDoc { id, severity })
            }
        }
        deserializer.deserialize_any(RiskRefVisitor)
    }
}

/// A risk in the catalogue.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskDoc {
    /// Identifier used by rules and in results.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Default severity.
    pub severity: Severity,
    /// Explanation for the patient.
    pub text: String,
    /// Explanation for the consultant, when it differs.
    #[serde(default)]
    pub text_consultant: Option<String>,
}

/// Advice in the catalogue.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdviceDoc {
    /// Identifier used by rules and in results.
    pub id: String,
    /// Short title.
    pub title: String,
    /// The advice for the patient.
    pub text: String,
    /// The advice for the consultant, when it differs.
    #[serde(default)]
    pub text_consultant: Option<String>,
}

/// A condition as written: exactly one of the combinators or one test.
///
/// Kept as a flat struct of optional fields so that `deny_unknown_fields` and JSON paths
/// work; `compile` checks that exactly one form is used and that its values fit.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("dependentRequired" = {"at_least": ["of"], "of": ["at_least"]}))]
pub struct ConditionDoc {
    /// Every sub-condition holds.
    #[serde(default)]
    pub all: Option<Vec<ConditionDoc>>,
    /// At least one sub-condition holds.
    #[serde(default)]
    pub any: Option<Vec<ConditionDoc>>,
    /// The sub-condition does not hold.
    #[serde(default)]
    pub not: Option<Box<ConditionDoc>>,
    /// Counting: at least this many of the conditions in `of` hold.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub at_least: Option<u32>,
    /// The conditions `at_least` counts.
    #[serde(default)]
    pub of: Option<Vec<ConditionDoc>>,
    /// `true`: holds for everyone (for rules that always apply).
    #[serde(default)]
    pub always: Option<bool>,
    /// The question this test reads.
    #[serde(default)]
    pub question: Option<String>,
    /// The derived fact this test reads.
    #[serde(default)]
    pub fact: Option<String>,
    /// The score this test reads.
    #[serde(default)]
    pub score: Option<String>,
    /// The answer is this value (single choice, yes/no, number).
    #[serde(default)]
    pub equals: Option<serde_json::Value>,
    /// The answer is one of these values (single choice), or any of them is ticked (multiple).
    #[serde(default, rename = "in")]
    pub one_of: Option<Vec<serde_json::Value>>,
    /// This value is ticked (multiple choice).
    #[serde(default)]
    pub contains: Option<serde_json::Value>,
    /// Number strictly below.
    #[serde(default)]
    pub lt: Option<f64>,
    /// Number at most.
    #[serde(default)]
    pub le: Option<f64>,
    /// Number strictly above.
    #[serde(default)]
    pub gt: Option<f64>,
    /// Number at least.
    #[serde(default)]
    pub ge: Option<f64>,
    /// Whether the question applies and has been answered.
    #[serde(default)]
    pub answered: Option<bool>,
}

/// A safety property of the rulebook, proved over every answer set it accepts.
///
/// Either `then` (what must hold whenever `if` holds) or `monotonic` (questions where one
/// more ticked option never makes the verdict milder).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvariantDoc {
    /// Identifier shown in proofs and counterexamples.
    pub id: String,
    /// The property in plain words.
    pub statement: String,
    /// Where the property comes from (guideline, study, principle).
    pub source: String,
    /// When the property applies, in the rules' condition language; it must hold (be
    /// true, not merely possible). Without it the property applies to every answer set.
    #[serde(default, rename = "if")]
    pub when: Option<ConditionDoc>,
    /// Questions left unanswered, whether or not their `ask_if` holds (with
    /// `worst_case_at_least`: what a missing answer must still leave open; a skip condition
    /// that hides a safety question is caught this way).
    #[serde(default)]
    pub unanswered: Vec<String>,
    /// What must then hold.
    #[serde(default)]
    pub then: Option<ThenDoc>,
    /// Multiple-choice questions where ticking one more option never makes the verdict
    /// milder, all other answers kept.
    #[serde(default)]
    pub monotonic: Vec<String>,
}

/// What an invariant requires; every field given must hold.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThenDoc {
    /// The verdict is this tier or more severe.
    #[serde(default)]
    pub verdict_at_least: Option<Verdict>,
    /// The verdict is this tier or milder.
    #[serde(default)]
    pub verdict_at_most: Option<Verdict>,
    /// The ink recommended is none of these (`temporary`, `permanent`, `either`, `none`).
    #[serde(default)]
    pub ink_not: Vec<Ink>,
    /// These risks are reported.
    #[serde(default)]
    pub risks: Vec<String>,
    /// This advice is given.
    #[serde(default)]
    pub advice: Vec<String>,
    /// Counting every undecided rule as firing, the verdict is this tier or more severe.
    #[serde(default)]
    pub worst_case_at_least: Option<Verdict>,
}

/// The ink recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ink {
    /// Fading pigment.
    Temporary,
    /// Permanent pigment.
    Permanent,
    /// Either would do.
    Either,
    /// No ink: the verdict is `unsuitable`.
    None,
}

impl Ink {
    /// The identifier used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Ink::Temporary => "temporary",
            Ink::Permanent => "permanent",
            Ink::Either => "either",
            Ink::None => "none",
        }
    }
}
