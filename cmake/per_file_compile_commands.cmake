# clang-tidy -p BUILD_DIR needs one compile command per source file, and a unity build lists only its batches.
# So a unity tree's compile_commands.json comes from a configure-only tree without batches inside it
# (BUILD_DIR/per-file, never built), configured with the same options each time this tree is.
if(NOT CMAKE_EXPORT_COMPILE_COMMANDS)
  return()
endif()
set(CMAKE_EXPORT_COMPILE_COMMANDS OFF)
set(per_file_dir ${CMAKE_BINARY_DIR}/per-file)
set(per_file_args -DCOVALUE_UNITY=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
get_cmake_property(cache_names CACHE_VARIABLES)
foreach(name IN LISTS cache_names)
  if(name MATCHES "^(COVALUE_|CMAKE_BUILD_TYPE$|CMAKE_CXX_COMPILER$|CMAKE_CXX_FLAGS)" AND NOT name STREQUAL "COVALUE_UNITY")
    list(APPEND per_file_args "-D${name}=${${name}}")
  endif()
endforeach()
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${CMAKE_SOURCE_DIR} -B ${per_file_dir} -G ${CMAKE_GENERATOR} ${per_file_args}
  OUTPUT_QUIET RESULT_VARIABLE per_file_status)
if(NOT per_file_status EQUAL 0)
  message(FATAL_ERROR "configuring the per-file compile database in ${per_file_dir} failed")
endif()
file(COPY_FILE ${per_file_dir}/compile_commands.json ${CMAKE_BINARY_DIR}/compile_commands.json ONLY_IF_DIFFERENT)
