//! The rule engine: three-valued conditions, evaluation in dependency order, and the
//! resolution of verdict and ink. It knows nothing of files, terminals or output formats.

mod condition;
mod evaluate;
mod incremental;
mod resolve;
mod undecided;

pub use crate::condition::{Cond, NumRange, Ref, Test, Tri};
pub use condition::{Env, ScoreState};
pub use evaluate::{Evaluation, evaluate, evaluate_into};
pub use incremental::{Altered, FiredTally, Footprint, Incremental, StepValue};
pub use resolve::{Ink, Resolution, resolve};
pub use undecided::{Pending, decided_by, decided_by_rules};
