// first-map: how long a program takes from its start to mapping its first window, as the X
// server sees it. bench/cold-start.sh times the desktop program and its yardstick with it.
//   first-map COMMAND [ARGS...]   (prints microseconds; DISPLAY names the X server)
// It listens on the root window for MapNotify before it starts the command, so the time is
// the X server's event, not a poll: polling with xdotool costs 18-100 ms a look on a busy
// machine, more than the difference being measured. Run it on an X server without a window
// manager (as cold-start.sh does): then a program's top-level windows are the root's
// children, and the first one mapped is its first window. The command is ended at once.
#include <xcb/xcb.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: first-map COMMAND [ARGS...]\n");
        return 2;
    }
    xcb_connection_t *x = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(x)) {
        std::fprintf(stderr, "first-map: cannot open the display\n");
        return 1;
    }
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(x)).data->root;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_void_cookie_t selected =
        xcb_change_window_attributes_checked(x, root, XCB_CW_EVENT_MASK, &mask);
    if (std::unique_ptr<xcb_generic_error_t, decltype(&std::free)> error(
            xcb_request_check(x, selected), &std::free);
        error) {
        std::fprintf(stderr, "first-map: cannot watch the root window\n");
        return 1;
    }

    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("first-map: fork");
        return 1;
    }
    if (child == 0) {
        if (const int null = open("/dev/null", O_WRONLY); null >= 0) { // its output is not ours
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execvp(argv[1], argv + 1);
        _exit(127);
    }

    int status = 1;
    pollfd fd{xcb_get_file_descriptor(x), POLLIN, 0};
    for (;;) {
        std::unique_ptr<xcb_generic_event_t, decltype(&std::free)> event(xcb_poll_for_event(x),
                                                                         &std::free);
        if (!event) {
            if (xcb_connection_has_error(x)) {
                std::fprintf(stderr, "first-map: lost the display\n");
                break;
            }
            if (waitpid(child, nullptr, WNOHANG) == child) {
                std::fprintf(stderr, "first-map: %s ended before it showed a window\n", argv[1]);
                return 1;
            }
            poll(&fd, 1, 100); // wakes for the event; now and then to see the child is alive
            continue;
        }
        if ((event->response_type & 0x7f) != XCB_MAP_NOTIFY)
            continue;
        const auto *map = reinterpret_cast<const xcb_map_notify_event_t *>(event.get());
        if (map->override_redirect)
            continue; // a tooltip or menu, not a window of its own
        const auto end = std::chrono::steady_clock::now();
        std::printf(
            "%lld\n",
            static_cast<long long>(
                std::chrono::duration_cast<std::chrono::microseconds>(end - start).count()));
        status = 0;
        break;
    }
    kill(child, SIGTERM);
    waitpid(child, nullptr, 0);
    xcb_disconnect(x);
    return status;
}
