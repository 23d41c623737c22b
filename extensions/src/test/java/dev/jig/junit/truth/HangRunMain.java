package dev.jig.junit.truth;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one fixture class in a JVM of its own, as a Surefire fork would: {@code <class> <reportDir> [key=value…]}. */
public final class HangRunMain {

    private HangRunMain() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0])))
                .configurationParameter("jig.report.dir", args[1]);
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            request.configurationParameter(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request.build());
        }
        System.out.println("the run ended by itself");
    }
}
