//! Crash safety of the real binary in a pseudo-terminal: kill -9 while typing, signals, a
//! forced panic, two instances, stale locks, damaged files, folders and disks that say no.
