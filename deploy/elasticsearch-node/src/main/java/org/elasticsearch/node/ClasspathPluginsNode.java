package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.List;

/**
 * A {@link Node} whose plugins are the given classes on the class path. Lives in this package because the
 * constructor taking a {@link NodeConstruction}, and {@link NodeServiceProvider}, are package-private.
 */
public class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, List<Class<? extends Plugin>> pluginClasses) {
        // no PluginsLoader: it only feeds newPluginService, which ignores it
        super(NodeConstruction.prepareConstruction(environment, null, new ClasspathPluginsServiceProvider(pluginClasses), true));
    }

    private static final class ClasspathPluginsServiceProvider extends NodeServiceProvider {
        private final List<Class<? extends Plugin>> pluginClasses;

        ClasspathPluginsServiceProvider(List<Class<? extends Plugin>> pluginClasses) {
            this.pluginClasses = List.copyOf(pluginClasses);
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
            return new ClasspathPluginsService(environment, pluginClasses);
        }
    }
}
