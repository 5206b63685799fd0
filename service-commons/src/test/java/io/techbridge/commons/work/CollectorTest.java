package io.techbridge.commons.work;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectorTest {

    private final Collector<String> collector = new Collector<>();
    private final List<List<String>> written = new ArrayList<>();

    @Test
    void outsideARunNothingIsGathered() {
        assertFalse(collector.add("a"));
    }

    @Test
    void aRunWritesWhatItsWorkAddedOnceAtItsEnd() {
        String result = collector.run(() -> {
            assertTrue(collector.add("a"));
            assertTrue(collector.add("b"));
            assertTrue(written.isEmpty(), "written before the work ended");
            return "done";
        }, written::add);
        assertEquals("done", result);
        assertEquals(List.of(List.of("a", "b")), written);
        assertFalse(collector.add("c"), "still gathering after the run");
    }

    @Test
    void aNestedRunLeavesTheWritingToTheOuterOne() {
        collector.run(() -> {
            collector.add("outer");
            collector.run(() -> collector.add("inner"), written::add);
            return null;
        }, written::add);
        assertEquals(List.of(List.of("outer", "inner")), written);
    }

    @Test
    void failedWorkWritesNothingAndEndsTheRun() {
        assertThrows(IllegalStateException.class, () -> collector.run(() -> {
            collector.add("a");
            throw new IllegalStateException("rolled back");
        }, written::add));
        assertTrue(written.isEmpty());
        assertFalse(collector.add("b"));
    }

    @Test
    void eachThreadGathersItsOwn() throws Exception {
        collector.run(() -> {
            collector.add("mine");
            assertFalse(CompletableFuture.supplyAsync(() -> collector.add("theirs")).join());
            return null;
        }, written::add);
        assertEquals(List.of(List.of("mine")), written);
    }
}
