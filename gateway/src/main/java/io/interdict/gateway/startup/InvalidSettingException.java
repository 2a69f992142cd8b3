package io.interdict.gateway.startup;

/**
 * A setting that makes the gateway unable to start. {@link InvalidSettingFailureAnalyzer} turns it
 * into one line naming the setting instead of a stack trace.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public InvalidSettingException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
