//! Loading questionnaires: written next.
