package io.techbridge.deploy.local;

import java.util.Optional;

/**
 * {@code deploy/local/trace TRACE_ID} or {@code deploy/local/trace --last [METHOD PATH]}: prints a
 * trace of the local stack as a tree across the services, from the span files under
 * {@code <data>/traces}. {@code --last} alone is the newest trace of {@code POST /api/achievements}.
 */
public final class TraceCommand {

    private TraceCommand() {
    }

    public static void main(String[] args) {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        LocalStack stack = new LocalStack(settings);
        Traces traces = Traces.read(stack.traceDirectory());
        String traceId;
        if (args.length >= 1 && args[0].equals("--last")) {
            String method = args.length >= 3 ? args[1] : "POST";
            String path = args.length >= 3 ? args[2] : "/api/achievements";
            Optional<String> last = traces.lastRequest(method, path);
            if (last.isEmpty()) {
                System.err.println("no trace of " + method + " " + path + " in " + stack.traceDirectory());
                System.exit(1);
            }
            traceId = last.get();
        } else if (args.length == 1 && args[0].matches("[0-9a-fA-F]{32}")) {
            traceId = args[0];
        } else {
            System.err.println("usage: trace TRACE_ID | --last [METHOD PATH]   (e.g. --last POST /api/achievements)");
            System.exit(2);
            return;
        }
        String tree = traces.render(traceId);
        System.out.print(tree);
        if (tree.startsWith("no spans")) {
            System.exit(1);
        }
    }
}
