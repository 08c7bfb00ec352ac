# The bench's wrapper around a measured command: it becomes the "child subreaper" of everything the command starts
# (Linux prctl PR_SET_CHILD_SUBREAPER), so that a process whose parent ended before it (Chromium's zygotes and crash
# handlers do) is reaped here rather than by init, and its CPU time counts in this process's children's time, which
# the bench reads. It exits with the command's exit code once the command and every process left behind have ended
# (it stops waiting for those 10 s after the command ended).
import ctypes
import os
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit('subreaper: prctl(PR_SET_CHILD_SUBREAPER) failed: errno ' + str(ctypes.get_errno()))
command = os.fork()
if command == 0:
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    except OSError as e:
        sys.stderr.write('subreaper: cannot run ' + sys.argv[1] + ': ' + str(e) + '\n')
        os._exit(127)
code = None
deadline = None
while True:
    try:
        pid, status = os.waitpid(-1, 0 if code is None else os.WNOHANG)
    except ChildProcessError:
        break
    if pid == 0:
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
        continue
    if pid == command:
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
        deadline = time.monotonic() + 10
sys.exit(code if code is not None else 1)
