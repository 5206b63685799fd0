package io.techbridge.matching.architecture;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's packages import each other in one direction only: API → application services
 * (workflow, invitation, reindex, report) → domain (matching, access, learning, domain) →
 * infrastructure (search, persistence, embedding, config), with messaging an inbound adapter like
 * the API. The graph is read from the compiled classes with the JDK's jdeps, so every reference
 * counts, imports or not.
 */
class PackageCyclesTest {

    private static final String ROOT = "io.techbridge.matching.";
    private static final Pattern EDGE = Pattern.compile("^\\s*(io\\.techbridge\\.matching\\.\\S+)\\s+->\\s+(io\\.techbridge\\.matching\\.\\S+)");

    @Test
    void noTwoPackagesOfTheServiceDependOnEachOtherEvenIndirectly() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.size() >= 10, "jdeps found the service's packages: " + graph.keySet());
        List<List<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(), cycles, "package cycles (each list is a set of packages that reach each other): " + graph);
    }

    @Test
    void theDomainReachesNoApiOrApplicationPackage() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        for (String domain : List.of("matching", "access", "learning", "domain", "search", "persistence", "embedding", "config")) {
            Set<String> reached = reachable(graph, domain);
            for (String upper : List.of("api", "workflow", "invitation", "webhook", "reindex", "report", "messaging", "wiring")) {
                assertTrue(!reached.contains(upper), domain + " reaches " + upper + " (" + graph + ")");
            }
        }
    }

    /** Package (below io.techbridge.matching) → packages it references, from jdeps over the main classes. */
    private static Map<String, Set<String>> packageGraph() throws URISyntaxException {
        Path classes = Path.of(io.techbridge.matching.matching.Matcher.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        assertTrue(Files.isDirectory(classes) || Files.isRegularFile(classes), "compiled classes at " + classes);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                "-e", "io\\.techbridge\\.matching\\..*", classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                String from = top(m.group(1));
                String to = top(m.group(2));
                graph.computeIfAbsent(from, k -> new TreeSet<>());
                graph.computeIfAbsent(to, k -> new TreeSet<>());
                if (!from.equals(to)) {
                    graph.get(from).add(to);
                }
            }
        }
        return graph;
    }

    private static String top(String qualified) {
        String rest = qualified.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    /** Tarjan's strongly connected components. */
    private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> components,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, components, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }
}
