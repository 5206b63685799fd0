package io.techbridge.deploy.smoke;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One whole platform ({@code deploy/local/up}, on free ports with a data folder of its own) for the
 * test classes that can share it, given to a {@link ConsoleStack} parameter: started by the first
 * class that asks, stopped ({@code down}) when the test run ends. Starting the platform takes minutes
 * on a busy machine, so the console's browser tests and the API fuzzer share one; the fuzzer runs
 * last (see {@code junit-platform.properties} and the classes' {@code @Order}), so what it leaves
 * behind never meets a browser scenario.
 *
 * <p>The gateway's rate limits are raised on this stack: the fuzzer sends thousands of requests a
 * minute from one address, and every one of them should reach the services. The limits themselves
 * are tested in the gateway's own tests.
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);
    static final Map<String, String> ENVIRONMENT = Map.of(
            "TECHBRIDGE_RATE_LIMIT_PER_ADDRESS", "10000000",
            "TECHBRIDGE_RATE_LIMIT_PER_ACCOUNT", "10000000",
            "TECHBRIDGE_RATE_LIMIT_LOGIN", "10000000");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConsoleStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return in(context);
    }

    /** The shared stack, started now if no class has asked for it before. */
    static ConsoleStack in(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(ConsoleStack.class, key -> {
            try {
                return ConsoleStack.up(Path.of("target", "console-data"), ENVIRONMENT);
            } catch (IOException e) {
                throw new ParameterResolutionException("deploy/local/up failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParameterResolutionException("interrupted while the stack started", e);
            }
        }, ConsoleStack.class);
    }
}
