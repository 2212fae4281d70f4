#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdint.h>
#include <stdlib.h>

/* The member a Node's oneof has set (nil when none): looked up by field
 * number, as a Node has a field for every node type. */
static inline const ProtobufCFieldDescriptor *replint_node_field(const PgQuery__Node *node) {
    return protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
}

/* The longest chain of nested messages in a protobuf-c tree, walked with a
 * heap stack instead of recursion: a tree too deep to recurse over is the
 * reason for asking. Stops counting once the chain passes `limit`. A oneof
 * member counts only when it is the one set (the others share its storage). */
static inline size_t replint_message_depth(const ProtobufCMessage *root, size_t limit) {
    typedef struct { const ProtobufCMessage *message; size_t depth; } Pending;
    size_t capacity = 256, count = 0, deepest = 0;
    Pending *stack = malloc(capacity * sizeof(Pending));
    if (stack == NULL) return limit + 1;
    stack[count++] = (Pending){root, 1};
    while (count > 0 && deepest <= limit) {
        Pending item = stack[--count];
        if (item.depth > deepest) deepest = item.depth;
        const ProtobufCMessageDescriptor *descriptor = item.message->descriptor;
        const char *base = (const char *)item.message;
        /* A Node is one oneof over every node type (hundreds of fields): its
         * case names the one member set, found without walking the rest. */
        const ProtobufCFieldDescriptor *fields = descriptor->fields;
        unsigned n_fields = descriptor->n_fields;
        if (descriptor == &pg_query__node__descriptor) {
            fields = replint_node_field((const PgQuery__Node *)item.message);
            n_fields = fields != NULL;
        }
        for (unsigned i = 0; i < n_fields; i++) {
            const ProtobufCFieldDescriptor *field = &fields[i];
            if (field->type != PROTOBUF_C_TYPE_MESSAGE) continue;
            if ((field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
                && *(const uint32_t *)(base + field->quantifier_offset) != field->id) continue;
            size_t n = 1;
            const ProtobufCMessage *const *children = (const ProtobufCMessage *const *)(base + field->offset);
            if (field->label == PROTOBUF_C_LABEL_REPEATED) {
                n = *(const size_t *)(base + field->quantifier_offset);
                children = *(const ProtobufCMessage *const *const *)(base + field->offset);
            }
            for (size_t k = 0; k < n; k++) {
                if (children[k] == NULL) continue;
                if (count == capacity) {
                    Pending *grown = realloc(stack, 2 * capacity * sizeof(Pending));
                    if (grown == NULL) { free(stack); return limit + 1; }
                    stack = grown;
                    capacity *= 2;
                }
                stack[count++] = (Pending){children[k], item.depth + 1};
            }
        }
    }
    free(stack);
    return deepest;
}
