package com.orderflow.order;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.order.OrderRequests.CreateCustomer;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** Customers: a customer another rep keeps is not found; invalid contacts are listed; a customer's JSON. */
@ApiSlice(CustomerController.class)
class CustomerControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CustomerService customers;

    @Test
    void withoutSignInCustomersAnswer401() throws Exception {
        mvc.perform(get("/api/customers/5")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(customers);
    }

    @Test
    void aCustomerOfAnotherRepIsNotFound() throws Exception {
        when(customers.find(5L, actor("sales2"))).thenThrow(new NotFoundException("Customer", 5L));

        mvc.perform(get("/api/customers/5").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Customer 5 does not exist"));
    }

    @Test
    void anInvalidContactIsListedFieldByField() throws Exception {
        mvc.perform(post("/api/customers").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\", \"email\": \"not-an-address\"}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The request has invalid fields"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
        mvc.perform(get("/api/customers/five").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter id has a value of the wrong type"));
        verifyNoInteractions(customers);
    }

    @Test
    void aCreatedCustomerHasItsLocationAndJson() throws Exception {
        Customer customer = new Customer("Slice Ltd", "buyer@slice.test", "Ann Buyer", null, null, null, "sales1");
        ReflectionTestUtils.setField(customer, "id", 5L);
        when(customers.create(any(CreateCustomer.class), eq(actor("sales1")))).thenReturn(customer);

        mvc.perform(post("/api/customers").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Slice Ltd", "email": "buyer@slice.test", "contactPerson": "Ann Buyer"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/customers/5"))
                .andExpect(jsonPath("$.id").value(5))
                .andExpect(jsonPath("$.name").value("Slice Ltd"))
                .andExpect(jsonPath("$.contactPerson").value("Ann Buyer"))
                .andExpect(jsonPath("$.email").value("buyer@slice.test"))
                .andExpect(jsonPath("$.phone").doesNotExist());
    }
}
