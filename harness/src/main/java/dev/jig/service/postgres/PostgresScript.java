package dev.jig.service.postgres;

/**
 * The shell wrapper that runs a local cluster as one process tree: {@code initdb} into a fresh temporary
 * directory, then {@code postgres} on the given port of 127.0.0.1, with durability off (the cluster lives for
 * one class or test). The shell stays the parent of postgres so that it can turn the harness's SIGTERM
 * ("smart" shutdown, which waits for clients) into SIGINT ("fast" shutdown) and remove the directory once
 * postgres has exited. PostgreSQL refuses to run as root: as root, the cluster belongs to the {@code postgres}
 * user and the binaries run as that user.
 */
final class PostgresScript {

    /** The line printed with the cluster's directory. */
    static final String DATA_LINE = "jig-postgres: cluster in ";

    // $1 = the bin directory, $2 = the port, $3 = the superuser.
    static final String SCRIPT = """
            bin=$1; port=$2; user=$3
            dir=$(mktemp -d "${TMPDIR:-/tmp}/jig-postgres.XXXXXX") || exit 2
            trap 'rm -rf "$dir"' EXIT
            trap 'exit 143' TERM INT
            echo "%s$dir"
            as=""
            if [ "$(id -u)" = 0 ]; then
              if ! id postgres >/dev/null 2>&1; then
                echo "jig-postgres: running as root, and there is no user 'postgres' to run PostgreSQL as" \\
                     "(it refuses to run as root). Create one (useradd -r postgres) or run the tests as another user." >&2
                exit 2
              fi
              chown postgres "$dir" || exit 2
              if command -v setpriv >/dev/null; then
                as="setpriv --reuid=postgres --regid=postgres --init-groups --"
              else
                as="runuser -u postgres --"
              fi
            fi
            cd "$dir"
            if ! $as "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --no-sync \\
                 >"$dir/initdb.log" 2>&1; then
              echo "jig-postgres: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 2
            fi
            echo "jig-postgres: initdb done"
            $as "$bin/postgres" -D "$dir/data" -p "$port" -h 127.0.0.1 -k "$dir" \\
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off &
            pid=$!
            trap 'kill -INT "$pid" 2>/dev/null' TERM INT
            wait "$pid"
            wait "$pid"
            """.formatted(DATA_LINE);

    private PostgresScript() {
    }
}
