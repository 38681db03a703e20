//! `livedesk-cli`: LiveDesk's second front end (skeleton; see the crate's README when written).

fn main() {
    std::process::exit(2);
}
