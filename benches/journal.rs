//! The journal: appending one key press's change, and folding 1 MB of answers.
fn main() {}
