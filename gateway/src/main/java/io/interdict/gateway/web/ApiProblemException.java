package io.interdict.gateway.web;

/** Thrown by controllers and services to answer with a specific problem. */
public class ApiProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiProblem problem;

    public ApiProblemException(ApiProblem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public static ApiProblemException notFound(String what) {
        return new ApiProblemException(ApiProblem.NOT_FOUND, what + " does not exist or is not visible to you");
    }
}
