//! The accept loop. Each connection is served by hyper with a kill switch the
//! handlers can pull, which is how the emulator drops a connection on purpose (the
//! reset and commit-then-drop faults) — something a plain `axum::serve` cannot do.

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tower::ServiceExt;

/// Closes the connection a request arrived on, without a response.
#[derive(Clone, Debug)]
pub(crate) struct ConnectionControl {
    kill: Arc<Notify>,
}

impl ConnectionControl {
    /// Closes the connection; the caller must then never answer (see `drop_connection`).
    pub(crate) fn kill(&self) {
        self.kill.notify_one();
    }
}

/// Serves `app` on `listener` until `shutdown` completes. A connection that has not
/// sent a complete request head within `header_read_timeout` of opening or of its
/// last response is closed.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                // A failed accept (e.g. too many open files) must not stop the server.
                if let Ok((stream, _)) = accepted {
                    tokio::spawn(serve_connection(stream, app.clone(), header_read_timeout));
                }
            }
            () = &mut shutdown => break,
        }
    }
}

async fn serve_connection(stream: TcpStream, app: Router, header_read_timeout: Duration) {
    // Latency of small request/response pairs matters more here than throughput.
    let _ = stream.set_nodelay(true);
    let control = ConnectionControl {
        kill: Arc::new(Notify::new()),
    };
    let kill = control.kill.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(control.clone());
        app.clone().oneshot(request)
    });
    // Without a timer hyper applies no header timeout at all. With one, the timer
    // also starts whenever a kept-alive connection waits for its next request.
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout)
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the connection future closes the socket before any response.
        () = kill.notified() => {}
    }
}
