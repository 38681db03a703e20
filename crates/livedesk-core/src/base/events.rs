//! An emitter: how an area tells what happened without knowing who listens. The composition root
//! (`App`) hands each service an emitter that feeds the one event stream the window and the CLI
//! follow; a service built alone (in a test) gets [`Emitter::silent`] or one that records.

use std::fmt;
use std::sync::Arc;

/// Tells events of type `E` to whoever the composition root wired in.
pub struct Emitter<E> {
    sink: Arc<dyn Fn(E) + Send + Sync>,
}

impl<E> Clone for Emitter<E> {
    fn clone(&self) -> Self {
        Self {
            sink: self.sink.clone(),
        }
    }
}

impl<E> fmt::Debug for Emitter<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Emitter")
    }
}

impl<E> Emitter<E> {
    /// An emitter that hands every event to `sink`.
    pub fn new(sink: impl Fn(E) + Send + Sync + 'static) -> Self {
        Self {
            sink: Arc::new(sink),
        }
    }

    /// An emitter nobody listens to.
    pub fn silent() -> Self {
        Self::new(|_| {})
    }

    /// Tells `event`.
    pub fn emit(&self, event: E) {
        (self.sink)(event)
    }

    /// An emitter of `F`s that become `E`s.
    pub fn map<F>(&self, f: impl Fn(F) -> E + Send + Sync + 'static) -> Emitter<F>
    where
        E: 'static,
    {
        let sink = self.sink.clone();
        Emitter::new(move |e| sink(f(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_mapped_emitter_reaches_the_sink() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        let root: Emitter<String> = Emitter::new(move |e| s.lock().unwrap().push(e));
        let numbers: Emitter<i32> = root.map(|n| format!("#{n}"));
        numbers.emit(7);
        root.emit("x".into());
        Emitter::<i32>::silent().emit(1);
        assert_eq!(*seen.lock().unwrap(), ["#7", "x"]);
    }
}
