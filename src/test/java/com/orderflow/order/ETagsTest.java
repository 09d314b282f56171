package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.orderflow.shared.PreconditionFailedException;
import com.orderflow.shared.PreconditionRequiredException;

class ETagsTest {

    @Test
    void strongAndWeakTagsNameTheVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.requireVersion("\"7\"")).isEqualTo(7);
        assertThat(ETags.requireVersion("W/\"7\"")).isEqualTo(7);
    }

    @Test
    void aMissingOrForeignTagIsRefused() {
        assertThatThrownBy(() -> ETags.requireVersion(null)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> ETags.requireVersion(" ")).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> ETags.requireVersion("\"abc\"")).isInstanceOf(PreconditionFailedException.class);
    }
}
