package io.interdict.gateway.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Closes the connection of a request whose streamed response failed after it was committed
 * ({@link StreamedResponse}), without writing what is still buffered or the terminating chunk: the
 * servlet API has no way to abort a response, Tomcat's {@code CLOSE_NOW} does. (Tomcat's own error
 * valve does the same when an exception leaves the servlet, but Spring MVC handles every exception
 * first.)
 */
@Component
final class CutConnectionValve extends ValveBase implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** The request attribute that asks for the cut. */
    static final String CUT = CutConnectionValve.class.getName() + ".CUT";

    CutConnectionValve() {
        super(true);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(CUT) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
