package io.techbridge.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server process started in the background, remembered by a pid file so that a later
 * {@code down} or {@code status} (another JVM) can find it. The process outlives the JVM that
 * started it.
 */
public final class ManagedProcess {

    private final String name;
    private final Path pidFile;
    private final Path logFile;

    public ManagedProcess(String name, Path runDir, Path logFile) {
        this.name = name;
        this.pidFile = runDir.resolve(name + ".pid");
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The live process recorded in the pid file; a stale file (pid gone or reused) counts as none. */
    public Optional<ProcessHandle> running() {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(marker())).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A system property that tags the command line, so a reused pid is never mistaken for ours. */
    public String marker() {
        return "-Dtechbridge.process=" + name;
    }

    public ProcessHandle start(List<String> command, Map<String, String> environment, Path workDir) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return process.toHandle();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Asks the process to stop (SIGTERM), then kills it if it has not gone within the grace period. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> handle = running();
        handle.ifPresent(h -> terminate(h, grace));
        deletePidFile();
        return handle.isPresent();
    }

    /** Kills the process at once, as a crash would. */
    public void kill() {
        running().ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
        deletePidFile();
    }

    static void terminate(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            handle.onExit().join();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + pidFile, e);
        }
    }
}
