package io.techbridge.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL from the installed server binaries. PostgreSQL refuses to run as root, so when we
 * are root the cluster belongs to, and runs as, the {@code postgres} OS user.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "techbridge";
    private static final String OS_USER = "postgres";

    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final Path binDir;

    public PostgresServer(Path home, int port) {
        this(home, port, false);
    }

    /**
     * {@code replicated}: the server may have, or be, a streaming standby: it keeps WAL for a standby
     * that fell behind. A standby's data folder is made by {@link #cloneFrom}.
     */
    private final boolean replicated;

    public PostgresServer(Path home, int port, boolean replicated) {
        this.replicated = replicated;
        this.home = home.toAbsolutePath();
        this.dataDir = this.home.resolve("data");
        this.logFile = this.home.resolve("postgres.log");
        this.port = port;
        this.binDir = findBinaries();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return Files.exists(dataDir.resolve("PG_VERSION"))
                && Commands.run(Commands.as(OS_USER, List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"))).ok();
    }

    public Optional<Long> pid() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            return Files.exists(pidFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void start() {
        if (isRunning()) {
            return;
        }
        prepareHome();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Commands.runOrFail(Commands.as(OS_USER, List.of(bin("initdb"), "-D", dataDir.toString(),
                    "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")));
        }
        // Loopback only with trust authentication: this cluster is for one developer's machine.
        Commands.runOrFail(Commands.as(OS_USER, List.of(bin("pg_ctl"), "-D", dataDir.toString(),
                "-l", logFile.toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp"
                        + " -c max_connections=200"
                        // A standby that was down a while catches up from the WAL kept for it.
                        + (replicated ? " -c wal_keep_size=512MB" : ""),
                "start")));
    }

    /** Whether a data folder exists (made by initdb or cloned). */
    public boolean hasData() {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    /** Whether the data folder is a standby's (it follows a primary once started). */
    public boolean isStandbyData() {
        return Files.exists(dataDir.resolve("standby.signal"));
    }

    /**
     * Makes this server's data folder a copy of the running {@code primary}'s, set up to follow it
     * as a hot standby (pg_basebackup -R writes standby.signal and the connection to the primary).
     * Whatever was in the folder is discarded: a former primary that diverged cannot follow.
     */
    public void cloneFrom(PostgresServer primary) {
        if (isRunning()) {
            throw new IllegalStateException("stop the server on port " + port + " before cloning it");
        }
        prepareHome();
        Commands.runOrFail(Commands.as(OS_USER, List.of("rm", "-rf", dataDir.toString())));
        Commands.runOrFail(Commands.as(OS_USER, List.of(bin("pg_basebackup"), "-h", "127.0.0.1",
                "-p", Integer.toString(primary.port()), "-U", SUPERUSER, "-D", dataDir.toString(),
                "-R", "-X", "stream", "-c", "fast")));
    }

    /** Whether the running server is a standby (read-only, following a primary). */
    public boolean isInRecovery() {
        return "t".equals(sql("postgres", "SELECT pg_is_in_recovery()"));
    }

    /** Turns the running standby into a primary that takes writes; waits until it does. */
    public void promote() {
        Commands.runOrFail(Commands.as(OS_USER, List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-w", "-t", "120",
                "promote")));
    }

    /** Stops the server at once, as a crash would (the next start recovers from the WAL). */
    public void stopImmediately() {
        if (isRunning()) {
            Commands.runOrFail(Commands.as(OS_USER,
                    List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "120", "stop")));
        }
    }

    public void stop() {
        if (isRunning()) {
            Commands.runOrFail(Commands.as(OS_USER,
                    List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "120", "stop")));
        }
    }

    /** Creates the database if it does not exist; each owning service has its own. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        String exists = Commands.runOrFail(List.of(bin("psql"), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", SUPERUSER, "-d", "postgres", "-tAc", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'"));
        if (!exists.trim().equals("1")) {
            Commands.runOrFail(List.of(bin("createdb"), "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-U", SUPERUSER, name));
        }
    }

    /** Runs one SQL statement as the superuser, for tests that must reach under the services. */
    public String sql(String database, String statement) {
        return Commands.runOrFail(List.of(bin("psql"), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", SUPERUSER, "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", statement)).trim();
    }

    private void prepareHome() {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + home, e);
        }
        if (Commands.isRoot()) {
            Commands.runOrFail(List.of("chown", "-R", OS_USER + ":" + OS_USER, home.toString()));
            if (!Commands.run(List.of("runuser", "-u", OS_USER, "--", "test", "-w", home.toString())).ok()) {
                throw new IllegalStateException("the postgres OS user cannot reach " + home
                        + ": every folder above it must be searchable by others (chmod o+x)");
            }
        }
    }

    private String bin(String tool) {
        return binDir == null ? tool : binDir.resolve(tool).toString();
    }

    /** PG_BIN if set, else the newest Debian-style install, else whatever is on the PATH. */
    private static Path findBinaries() {
        String fromEnv = System.getenv("PG_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                List<Path> candidates = new ArrayList<>(versions
                        .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                        .toList());
                candidates.sort(Comparator.comparing(p -> versionOf(p.getFileName().toString())));
                if (!candidates.isEmpty()) {
                    return candidates.get(candidates.size() - 1).resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + debian, e);
            }
        }
        return null;
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
