//! A fake UNI-PASS API028 server for tests and `make bench` (see `pccc_guard_gateway::fake`). Prints
//! `listening on ADDR` on stdout once it accepts connections.

use clap::Parser;
use pccc_guard_gateway::fake::{self, FakeState, Mode};

/// A fake UNI-PASS API028 server (synthetic answers; never the real host).
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Address to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: std::net::SocketAddr,
    /// The key it accepts.
    #[arg(long, default_value = "test-key")]
    key: String,
    /// Initial mode, as the JSON of `POST /_fake/mode`.
    #[arg(long, default_value = "{}")]
    mode: String,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let mode: Mode = match serde_json::from_str(&args.mode) {
        Ok(mode) => mode,
        Err(e) => {
            eprintln!("unipass-fake: --mode: {e}");
            std::process::exit(2);
        }
    };
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    println!("listening on {}", listener.local_addr()?);
    let state = FakeState::new(&args.key, mode);
    let _ = fake::spawn(listener, state).await;
    Ok(())
}
