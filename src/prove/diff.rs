//! Behaviour of two rulebooks compared over every answer set both accept.
