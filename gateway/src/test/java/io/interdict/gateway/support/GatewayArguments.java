package io.interdict.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings for a gateway a test starts itself, as command-line arguments: they outrank
 * application.yml and the environment, exactly as an operator's flags would.
 */
public final class GatewayArguments {

    private GatewayArguments() {}

    @SafeVarargs
    public static String[] of(Map<String, ?>... settings) {
        List<String> arguments = new ArrayList<>();
        for (Map<String, ?> map : settings) {
            map.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        }
        return arguments.toArray(String[]::new);
    }
}
