/*
 * mtpj-client SOCKET N ARG1..ARGN JAVA...: runs `mtpj ARG1..ARGN` in the warm JVM of `mtpj daemon`
 * (docs/daemon.md) and exits with its exit code, its stdout and stderr on ours. When no daemon
 * answers on SOCKET, or it declines (another command running, not a served command), nothing has
 * been done and this process becomes the command's own JVM: exec JAVA... ARG1..ARGN. So ./mtpj
 * can exec this and keep one process whatever happens: a signal to it reaches us, and when we are
 * interrupted or killed the daemon sees the connection close and ends the command as a signal
 * would end its own JVM. Protocol: java/cli/src/main/java/org/mtpj/cli/daemon/DaemonProtocol.java.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>


static int write_all(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int read_all(int fd, void *buf, size_t n) {
  char *p = buf;
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

/* A request is built in one buffer: big-endian uint32 numbers, strings as length + bytes. */
static char *req;
static size_t req_len, req_cap;

static void put(const void *b, size_t n) {
  if (req_len + n > req_cap) {
    req_cap = 2 * (req_len + n);
    req = realloc(req, req_cap);
    if (!req) {
      perror("mtpj-client");
      exit(70);
    }
  }
  memcpy(req + req_len, b, n);
  req_len += n;
}

static void put_u32(uint32_t v) {
  unsigned char b[4] = {v >> 24, v >> 16, v >> 8, v};
  put(b, 4);
}

static void put_str(const char *s) {
  put_u32((uint32_t)strlen(s));
  put(s, strlen(s));
}

static char **own_jvm;

/* Nothing was done: run the command in its own JVM instead. */
static int run_own_jvm(void) {
  execv(own_jvm[0], own_jvm);
  fprintf(stderr, "mtpj: cannot run %s: %s\n", own_jvm[0], strerror(errno));
  return 70;
}

int main(int argc, char **argv) {
  int n = argc > 3 ? atoi(argv[2]) : -1;
  if (n < 0 || 3 + n >= argc) {
    fprintf(stderr, "usage: mtpj-client SOCKET N ARG1..ARGN JAVA...\n");
    return 2;
  }
  char **args = argv + 3, **java = argv + 3 + n;
  int java_len = argc - 3 - n;
  own_jvm = malloc(sizeof(char *) * (size_t)(java_len + n + 1));
  if (!own_jvm) return 70;
  memcpy(own_jvm, java, sizeof(char *) * (size_t)java_len);
  memcpy(own_jvm + java_len, args, sizeof(char *) * (size_t)n);
  own_jvm[java_len + n] = NULL;

  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(argv[1]) >= sizeof addr.sun_path) return run_own_jvm();
  strcpy(addr.sun_path, argv[1]);
  int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0 || connect(s, (struct sockaddr *)&addr, sizeof addr) != 0) return run_own_jvm();
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return run_own_jvm();
  put("MTPJD1R", 7);
  mode_t mask = umask(0);   /* read it: files the command creates get our umask, not the daemon's */
  umask(mask);
  put_u32((uint32_t)mask);
  put_str(cwd);
  put_u32((uint32_t)n);
  for (int i = 0; i < n; i++) put_str(args[i]);
  if (write_all(s, req, req_len) != 0) return run_own_jvm();
  /* Like the JVM: a closed stdout pipe (| head) loses the rest of the output, not the command. */
  signal(SIGPIPE, SIG_IGN);
  int out_ok = 1, err_ok = 1, taken = 0;
  char *buf = NULL;
  size_t cap = 0;
  for (;;) {
    unsigned char head[5];
    if (read_all(s, head, 5) != 0) break;
    uint32_t len = (uint32_t)head[1] << 24 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 8 | head[4];
    if (len > cap) {
      cap = len;
      buf = realloc(buf, cap);
      if (!buf) break;
    }
    if (read_all(s, buf, len) != 0) break;
    switch (head[0]) {
      case 'A': taken = 1; break;
      case 'O': if (out_ok && write_all(1, buf, len) != 0) out_ok = 0; break;
      case 'E': if (err_ok && write_all(2, buf, len) != 0) err_ok = 0; break;
      case 'B':
        if (!taken) {
          close(s);
          signal(SIGPIPE, SIG_DFL);   /* the JVM sets its own */
          return run_own_jvm();
        }
        break;
      case 'X':
        if (len == 4) {
          unsigned char *b = (unsigned char *)buf;
          return (int)((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]);
        }
        break;
      default: break;
    }
  }
  /* Before 'A' nothing was done; after it the command may have written its files: never run it twice. */
  if (!taken) {
    close(s);
    signal(SIGPIPE, SIG_DFL);
    return run_own_jvm();
  }
  fprintf(stderr, "mtpj: the daemon ended during the command (its log: %s.log)\n", argv[1]);
  return 70;
}
