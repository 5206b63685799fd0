package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.spi.SPIClassIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PluginsService} whose plugins are classes on the JVM's class path, instantiated directly,
 * instead of bundles under {@code plugins/} and {@code modules/} loaded into their own module layers.
 * Lives in this package because {@link LoadedPlugin}, {@link #loadPlugin} and the PluginsLoader constructor
 * are package-private.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Environment environment, List<Class<? extends Plugin>> pluginClasses) {
        // the public factory wants the server as a named module; on the class path it is not
        super(environment.settings(), environment.configDir(), new PluginsLoader(Set.of(), Set.of(), Map.of()));
        Settings settings = environment.settings();
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin plugin = loadPlugin(pluginClass, settings, environment.configDir());
            loaded.add(new LoadedPlugin(descriptorOf(pluginClass), plugin, pluginClass.getClassLoader()));
        }
        this.classpathPlugins = List.copyOf(loaded);
    }

    private static PluginDescriptor descriptorOf(Class<? extends Plugin> pluginClass) {
        return new PluginDescriptor(
            pluginClass.getSimpleName(),
            "classpath plugin " + pluginClass.getName(),
            Build.current().version(),
            Build.current().version(),
            Integer.toString(Runtime.version().feature()),
            pluginClass.getName(),
            null,
            List.of(),
            false,
            false,
            false,
            false,
            PluginDescriptor.DeploymentTarget.ALL
        );
    }

    @Override
    protected final List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(classpathPlugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    /**
     * All plugins share one class loader here, so the per-plugin lookup of the base class would find every
     * provider on the class path once per plugin; the server then rejects the duplicates (features, for one).
     * Each provider is therefore created once, handed the plugin it asks for in its constructor, if any.
     */
    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        List<T> providers = new ArrayList<>();
        SPIClassIterator.get(service, ClasspathPluginsService.class.getClassLoader())
            .forEachRemaining(providerClass -> providers.add(createExtension(providerClass, service, pluginFor(providerClass))));
        return List.copyOf(providers);
    }

    private Plugin pluginFor(Class<?> providerClass) {
        return classpathPlugins.stream()
            .map(LoadedPlugin::instance)
            .filter(
                plugin -> Arrays.stream(providerClass.getConstructors())
                    .anyMatch(c -> c.getParameterCount() == 1 && c.getParameterTypes()[0].isInstance(plugin))
            )
            .findFirst()
            .orElse(classpathPlugins.getFirst().instance());
    }
}
