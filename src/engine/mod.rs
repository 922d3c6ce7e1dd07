//! The rule engine: three-valued conditions, evaluation in dependency order, and the
//! resolution of verdict and ink. It knows nothing of files, terminals or output formats.

mod condition;
mod evaluate;
mod resolve;
mod tri;
mod undecided;

pub use condition::{Cond, Env, NumRange, Ref, ScoreState, Test};
pub use evaluate::{Evaluation, evaluate, evaluate_into};
pub use resolve::{Ink, Resolution, resolve};
pub use tri::Tri;
pub use undecided::{Pending, decided_by, decided_by_rules};
