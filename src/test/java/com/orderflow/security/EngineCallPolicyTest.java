package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.orderflow.security.EngineCallPolicy.Allow;
import com.orderflow.security.EngineCallPolicy.CheckTask;
import com.orderflow.security.EngineCallPolicy.Refuse;
import com.orderflow.security.EngineCallPolicy.TaskAction;
import com.orderflow.security.EngineCallPolicy.Verdict;

/** Which engine REST calls a signed-in user may make, through every door to the engine. */
class EngineCallPolicyTest {

    private static Verdict judge(String method, String uri, boolean admin) {
        return EngineCallPolicy.judge(EngineCall.of(method, "", uri).orElseThrow(), "sales1", admin);
    }

    @ParameterizedTest(name = "{0} {1} is refused to a rep")
    @CsvSource({
        "POST, /engine-rest/process-definition/key/order-modification/start",
        "POST, /engine-rest/engine/default/process-definition/key/order-closing/start",
        "POST, /camunda/api/engine/engine/default/process-definition/key/send-email/submit-form",
        "POST, /engine-rest/process-definition/abc/restart",
        "POST, /engine-rest/process-instance/abc/modification",
        "POST, /engine-rest/modification/execute",
        "PUT, /engine-rest/process-instance/abc/variables/requester",
        "POST, /engine-rest/execution/abc/localVariables",
        "POST, /engine-rest/message",
        "POST, /engine-rest/signal",
        "POST, /engine-rest/job/abc/execute",
        "POST, /engine-rest/external-task/fetchAndLock",
        "POST, /engine-rest/deployment/create",
        "POST, /engine-rest/history/cleanup",
        "POST, /engine-rest/history/process-instance/delete",
        "DELETE, /engine-rest/user/sales1",
        "PUT, /engine-rest/user/sales2/profile",
        "PUT, /engine-rest/group/camunda-admin/members/sales1",
        "POST, /engine-rest/authorization/create",
        "POST, /engine-rest/task/create",
        "PUT, /engine-rest/task/abc",
        "POST, /engine-rest/task/abc/identity-links",
        "POST, /engine-rest/task/abc/variables",
        "PUT, /engine-rest/task/abc/localVariables/approved",
    })
    void refusedToARep(String method, String uri) {
        assertThat(judge(method, uri, false)).isInstanceOf(Refuse.class);
    }

    @ParameterizedTest(name = "{0} {1} is open to a rep")
    @CsvSource({
        "GET, /engine-rest/task",
        "GET, /engine-rest/process-instance/abc/variables",
        "POST, /engine-rest/task",
        "POST, /engine-rest/task/count",
        "POST, /engine-rest/history/task",
        "POST, /engine-rest/history/process-instance/count",
        "POST, /camunda/api/engine/engine/default/filter/abc/list",
        "PUT, /engine-rest/user/sales1/profile",
        "PUT, /camunda/api/engine/engine/default/user/sales1/credentials",
        "POST, /engine-rest/task/abc/comment/create",
    })
    void openToARep(String method, String uri) {
        assertThat(judge(method, uri, false)).isInstanceOf(Allow.class);
    }

    @ParameterizedTest(name = "{0} {1} is checked against the task as {2}")
    @CsvSource({
        "POST, /engine-rest/task/t1/claim, CLAIM",
        "POST, /engine-rest/task/t1/unclaim, UNCLAIM",
        "POST, /engine-rest/task/t1/assignee, ASSIGN",
        "POST, /engine-rest/task/t1/delegate, DELEGATE",
        "POST, /engine-rest/task/t1/complete, COMPLETE",
        "POST, /camunda/api/engine/engine/default/task/t1/submit-form, COMPLETE",
        "POST, /engine-rest/task/t1/resolve, COMPLETE",
        "POST, /engine-rest/%74ask/t1/complete, COMPLETE",
    })
    void taskCallsAreCheckedAgainstTheTask(String method, String uri, TaskAction action) {
        assertThat(judge(method, uri, false)).isEqualTo(new CheckTask("t1", action));
        assertThat(judge(method, uri, true)).as("admins too").isEqualTo(new CheckTask("t1", action));
    }

    @ParameterizedTest(name = "{0} {1} is an admin's")
    @CsvSource({
        "POST, /engine-rest/process-instance/abc/modification",
        "PUT, /engine-rest/process-instance/abc/variables/note",
        "POST, /engine-rest/deployment/create",
        "POST, /engine-rest/user/create",
    })
    void adminsManageTheEngine(String method, String uri) {
        assertThat(judge(method, uri, true)).isInstanceOf(Allow.class);
    }

    @ParameterizedTest(name = "{0} {1}: an admin writes a task's form fields only")
    @CsvSource({
        "POST, /engine-rest/task/t1/variables",
        "PUT, /engine-rest/task/t1/variables/requester",
        "DELETE, /engine-rest/task/t1/localVariables/approved",
    })
    void anAdminsTaskVariableWritesAreCheckedAgainstTheForm(String method, String uri) {
        assertThat(judge(method, uri, true)).isEqualTo(new CheckTask("t1", TaskAction.WRITE_VARIABLES));
    }

    @ParameterizedTest(name = "{0} is not the engine")
    @CsvSource({ "/api/orders", "/camunda/app/tasklist/", "/engine-restless/task" })
    void otherPathsAreNotEngineCalls(String uri) {
        assertThat(EngineCall.of("POST", "", uri)).isEmpty();
    }
}
