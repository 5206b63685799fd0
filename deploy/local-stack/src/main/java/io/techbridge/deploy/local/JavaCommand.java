package io.techbridge.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code java} command lines for the servers that run from Maven Central jars. */
final class JavaCommand {

    private JavaCommand() {
    }

    /** The JDK running us (a 21+ one is required, as the Elasticsearch jars are Java 21 bytecode). */
    static String javaBinary() {
        String javaHome = System.getProperty("java.home");
        return Path.of(javaHome, "bin", "java").toString();
    }

    /**
     * The classpath of a module under {@code deploy/}: its classes followed by the runtime
     * classpath its build wrote to {@code target/runtime.classpath}.
     */
    static String moduleClasspath(Path projectDir, String module) {
        Path target = projectDir.resolve("deploy").resolve(module).resolve("target");
        Path classpathFile = target.resolve("runtime.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build the project first (./mvnw install -DskipTests)");
        }
        try {
            return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + classpathFile, e);
        }
    }

    /**
     * JVM options added to every process the stack starts, from {@code TECHBRIDGE_JVM_OPTIONS}
     * (space-separated). The test runs set {@code -XX:TieredStopAtLevel=1}: their servers live for
     * minutes, and the optimising compiler would spend more CPU than it saves.
     */
    static List<String> extraOptions() {
        String options = System.getenv("TECHBRIDGE_JVM_OPTIONS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /**
     * A java command line whose long classpath goes through an argument file, so that the
     * command stays readable in {@code ps} and under the kernel's argument limit.
     */
    static List<String> command(ManagedProcess process, Path argFile, String classpath, List<String> jvmOptions,
            String mainClass, List<String> args) {
        try {
            Files.createDirectories(argFile.getParent());
            Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + argFile, e);
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add(process.marker());
        command.addAll(jvmOptions);
        command.addAll(extraOptions());
        command.add("@" + argFile);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
