"""The system under test: greets each name sent to it (one per line) with the title the directory gives."""
import socket
import sys

directory_host, directory_port = sys.argv[sys.argv.index("--directory") + 1].rsplit(":", 1)

server = socket.create_server(("127.0.0.1", 0))
print("listening on port", server.getsockname()[1], flush=True)
while True:
    connection, _ = server.accept()
    with connection, connection.makefile("rw") as client:
        for line in client:
            name = line.strip()
            with socket.create_connection((directory_host, int(directory_port))) as directory, \
                    directory.makefile("rw") as lookup:
                lookup.write(name + "\n")
                lookup.flush()
                title = lookup.readline().strip()
            client.write("Hello, " + " ".join(part for part in (title, name) if part) + "!\n")
            client.flush()
