-- wrk: dashboard JSON reads with one coordinator token (TOKEN).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
