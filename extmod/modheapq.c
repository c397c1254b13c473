/* modheapq.c: the heapq module.  heappush, heappop, heapify, heapreplace and heappushpop on a list,
 * with CPython's sift order (siftup to a leaf, then siftdown) so heaps come out identical to
 * CPython's for the same operations.  Items compare with `<` only.  A user __lt__ may change the
 * list while we sift, so items are re-read through the list on every step and a size change is an
 * error rather than a stale pointer. */
#include "runtime.h"

static list_t *heap_list(obj_t heap) {
    if (!obj_isinstance(heap, &type_list)) {
        rt_raise_type_error("heap argument must be a list");
    }
    return OBJ_TO_PTR(heap);
}

/* a < b, checking afterwards that the comparison left the heap's size alone. */
static bool heap_lt(list_t *h, size_t len, obj_t a, obj_t b) {
    bool lt = obj_is_true(rt_binary_op(BINARY_OP_LT, a, b));
    if (h->len != len) {
        rt_raise_msg(&type_RuntimeError, "list changed size during iteration");
    }
    return lt;
}

/* Moves the item at pos up towards start while it is smaller than its parent. */
static void sift_down(list_t *h, size_t start, size_t pos) {
    size_t len = h->len;
    obj_t item = h->items[pos];
    while (pos > start) {
        size_t parent_pos = (pos - 1) >> 1;
        obj_t parent = h->items[parent_pos];
        if (!heap_lt(h, len, item, parent)) {
            break;
        }
        h->items[pos] = parent;
        pos = parent_pos;
    }
    h->items[pos] = item;
}

/* Moves the smaller child up until a leaf is reached, then sifts the item back down: fewer
 * comparisons than stopping early, and the order CPython uses. */
static void sift_up(list_t *h, size_t pos) {
    size_t len = h->len, start = pos;
    obj_t item = h->items[pos];
    size_t child = 2 * pos + 1;
    while (child < len) {
        size_t right = child + 1;
        if (right < len && !heap_lt(h, len, h->items[child], h->items[right])) {
            child = right;
        }
        h->items[pos] = h->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    h->items[pos] = item;
    sift_down(h, start, pos);
}

static obj_t heapq_heappush(obj_t heap, obj_t item) {
    list_t *h = heap_list(heap);
    obj_list_append(heap, item);
    sift_down(h, 0, h->len - 1);
    return OBJ_NONE;
}
static FUN_DEFINE_2(heapq_heappush_obj, heapq_heappush);

static obj_t heapq_heappop(obj_t heap) {
    list_t *h = heap_list(heap);
    if (h->len == 0) {
        rt_raise_index_error("index out of range");
    }
    obj_t last = h->items[--h->len];
    h->items[h->len] = OBJ_NULL;
    if (h->len == 0) {
        return last;
    }
    obj_t top = h->items[0];
    h->items[0] = last;
    sift_up(h, 0);
    return top;
}
static FUN_DEFINE_1(heapq_heappop_obj, heapq_heappop);

static obj_t heapq_heapreplace(obj_t heap, obj_t item) {
    list_t *h = heap_list(heap);
    if (h->len == 0) {
        rt_raise_index_error("index out of range");
    }
    obj_t top = h->items[0];
    h->items[0] = item;
    sift_up(h, 0);
    return top;
}
static FUN_DEFINE_2(heapq_heapreplace_obj, heapq_heapreplace);

static obj_t heapq_heappushpop(obj_t heap, obj_t item) {
    list_t *h = heap_list(heap);
    if (h->len == 0 || !heap_lt(h, h->len, h->items[0], item)) {
        return item;
    }
    obj_t top = h->items[0];
    h->items[0] = item;
    sift_up(h, 0);
    return top;
}
static FUN_DEFINE_2(heapq_heappushpop_obj, heapq_heappushpop);

static obj_t heapq_heapify(obj_t heap) {
    list_t *h = heap_list(heap);
    for (size_t i = h->len / 2; i-- > 0;) {
        sift_up(h, i);
    }
    return OBJ_NONE;
}
static FUN_DEFINE_1(heapq_heapify_obj, heapq_heapify);

static const map_elem_t heapq_globals_table[] = {
    { QOBJ(__name__), QOBJ(heapq) },
    { QOBJ(heappush), OBJ_ROM(&heapq_heappush_obj) },
    { QOBJ(heappop), OBJ_ROM(&heapq_heappop_obj) },
    { QOBJ(heapreplace), OBJ_ROM(&heapq_heapreplace_obj) },
    { QOBJ(heappushpop), OBJ_ROM(&heapq_heappushpop_obj) },
    { QOBJ(heapify), OBJ_ROM(&heapq_heapify_obj) },
};
static const DICT_ROM(heapq_globals, heapq_globals_table);

MODULE_ROM(module_heapq, heapq_globals);
REGISTER_MODULE(heapq, module_heapq);
