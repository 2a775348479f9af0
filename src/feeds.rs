//! RSS and Atom feeds.
